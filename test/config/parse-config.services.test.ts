import { describe, expect, it } from 'vitest';
import { RESERVED_IDS } from '../../src/config/parse-config';
import { parseConfig } from '../helpers/config';

const parseServices = (services: unknown) => parseConfig({ json: { services } });
const chat = (over: Record<string, unknown> = {}) => ({ id: 'chat', name: 'Chat', category: 'marketing', ...over });

describe('parseConfig: custom services', () => {
  it('accepts a full custom service', () => {
    const { config, problems } = parseServices([
      {
        id: 'my-chat',
        name: '  Live chat ',
        category: 'marketing',
        description: 'Answers questions.',
        cookies: ['chat_id', '/chat_.+/', '/SESS\\d+/i'],
        policyUrl: 'https://chat.test/privacy',
      },
    ]);
    expect(problems).toEqual([]);
    expect(config.services).toHaveLength(1);
    const [s] = config.services;
    expect(s).toMatchObject({
      id: 'my-chat',
      name: 'Live chat',
      category: 'marketing',
      description: 'Answers questions.',
      policyUrl: 'https://chat.test/privacy',
    });
    expect(s.cookies[0]).toBe('chat_id');
    expect(s.cookies[1]).toBeInstanceOf(RegExp);
    expect(s.cookies[2]).toBeInstanceOf(RegExp);
  });

  it('tests cookie patterns as JavaScript regular expressions do, anchored only where they say, with the i flag', () => {
    const { config, problems } = parseServices([
      chat({ cookies: ['/^_hj/', '/_pk_id/', '/chat_.+/', '/^sess$/i', '/^_ga_.+$/'] }),
    ]);
    expect(problems).toEqual([]);
    const [prefix, contains, any, whole, ga] = config.services[0].cookies as RegExp[];
    // `/^_hj/`: every name starting with `_hj`.
    for (const name of ['_hj', '_hjid', '_hjSessionUser_123']) expect(prefix.test(name), name).toBe(true);
    for (const name of ['x_hjid', '_h']) expect(prefix.test(name), name).toBe(false);
    // `/_pk_id/`: every name containing it.
    for (const name of ['_pk_id', '_pk_id.1.abcd', 'my_pk_id_x']) expect(contains.test(name), name).toBe(true);
    expect(contains.test('_pk_ses.1.abcd')).toBe(false);
    // Unanchored on both sides.
    for (const name of ['chat_1', 'xchat_1', 'chat_1x']) expect(any.test(name), name).toBe(true);
    expect(any.test('chat_')).toBe(false);
    // Anchored where written; the i flag kept.
    expect(whole.test('SESS')).toBe(true);
    expect(whole.test('SESSION')).toBe(false);
    expect(ga.test('_ga_ABC123')).toBe(true);
    expect(ga.test('x_ga_ABC123')).toBe(false);
  });

  it('keeps a plain cookie name exact', () => {
    const { config } = parseServices([chat({ cookies: ['chat_id'] })]);
    expect(config.services[0].cookies).toEqual(['chat_id']);
  });

  it.each(['/x/g', '/x/y', '/x/gi'])(
    'refuses the pattern %s (only the i flag keeps a test stateless), with one error',
    (c) => {
      const { config, problems } = parseServices([chat({ cookies: [c, 'ok'] })]);
      expect(problems).toHaveLength(1);
      expect(config.services[0].cookies).toEqual(['ok']);
    },
  );

  it('defaults cookies to none and leaves out a missing description and policy link', () => {
    const { config, problems } = parseServices([chat()]);
    expect(problems).toEqual([]);
    expect(config.services).toEqual([{ id: 'chat', name: 'Chat', category: 'marketing', cookies: [] }]);
  });

  it('keeps services in the order given', () => {
    const { config } = parseServices([chat({ id: 'b' }), chat({ id: 'a', category: 'analytics' })]);
    expect(config.services.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it.each([
    ['upper case', 'Chat'],
    ['empty', ''],
    ['too long', 'a'.repeat(33)],
    ['leading dash', '-chat'],
    ['space', 'my chat'],
    ['markup', '<b>'],
    ['a number', 5],
    ['missing', undefined],
  ])('skips a service whose id is %s, with one error', (_, id) => {
    const { config, problems } = parseServices([chat({ id }), chat({ id: 'ok' })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('services[0]');
    expect(problems[0].message).toContain('"id"');
    expect(config.services.map((s) => s.id)).toEqual(['ok']);
  });

  it('accepts an id of exactly 32 characters', () => {
    expect(parseServices([chat({ id: 'a'.repeat(32) })]).config.services).toHaveLength(1);
  });

  it.each(RESERVED_IDS)('refuses the reserved id %s', (id) => {
    const { config, problems } = parseServices([chat({ id })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain(JSON.stringify(id));
    expect(problems[0].message).toContain('already taken');
    expect(config.services).toEqual([]);
  });

  it('keeps the first of two services with the same id and refuses the second', () => {
    const { config, problems } = parseServices([chat({ name: 'First' }), chat({ name: 'Second' })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('services[1]');
    expect(config.services.map((s) => s.name)).toEqual(['First']);
  });

  it.each([['necessary'], ['ads'], ['Marketing'], [undefined], [1]])('skips a service with category %j', (category) => {
    const { config, problems } = parseServices([chat({ category })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('"category"');
    expect(problems[0].message).toContain('expected "analytics" or "marketing"');
    expect(config.services).toEqual([]);
  });

  it.each([[''], ['   '], [undefined], [42]])('skips a service with the name %j', (name) => {
    const { config, problems } = parseServices([chat({ name })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('"name"');
    expect(config.services).toEqual([]);
  });

  it('ignores a cookie name that is not a cookie name, with one error, and keeps the rest', () => {
    const { config, problems } = parseServices([chat({ cookies: ['good', 'bad name', 'semi;colon', 7, 'also_good'] })]);
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => p.level === 'error')).toBe(true);
    expect(problems[0].message).toContain('"bad name"');
    expect(config.services[0].cookies).toEqual(['good', 'also_good']);
  });

  it('ignores a cookie pattern that is not a regular expression', () => {
    const { config, problems } = parseServices([chat({ cookies: ['/(unclosed/', '/ok_.*/'] })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('"/(unclosed/"');
    expect(problems[0].message).toContain('not a valid regular expression');
    expect(config.services[0].cookies).toHaveLength(1);
    expect((config.services[0].cookies[0] as RegExp).test('ok_1')).toBe(true);
  });

  it('does not accept flags other than i (a /g pattern would keep state between tests)', () => {
    const { config, problems } = parseServices([chat({ cookies: ['/x/g'] })]);
    expect(problems).toHaveLength(1);
    expect(config.services[0].cookies).toEqual([]);
  });

  it('keeps a service whose cookies are not an array, without cookies, with one error', () => {
    const { config, problems } = parseServices([chat({ cookies: 'chat_id' })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('"cookies"');
    expect(config.services[0].cookies).toEqual([]);
  });

  it('drops an unsafe vendor policy link but keeps the service', () => {
    const { config, problems } = parseServices([chat({ policyUrl: 'javascript:alert(1)' })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('"policyUrl"');
    expect(config.services).toHaveLength(1);
    expect(config.services[0]).not.toHaveProperty('policyUrl');
  });

  it('says a vendor policy link may be http(s) or relative, as it may', () => {
    const { config, problems } = parseServices([
      chat({ policyUrl: 'data:text/html,x' }),
      chat({ id: 'b', policyUrl: '/p' }),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('has "policyUrl" "data:text/html,x": expected an http(s) or relative URL');
    expect(config.services[1].policyUrl).toBe('/p');
  });

  it.each([[{ html: '<b>' }], [42], [null], [['Live', 'chat']]])(
    'keeps a service whose description is not a string (%j), without it, with one error',
    (description) => {
      const { config, problems } = parseServices([chat({ description })]);
      expect(config.services[0]).not.toHaveProperty('description');
      expect(problems).toHaveLength(1);
      expect(problems[0].level).toBe('error');
      expect(problems[0].message).toBe(
        `Crumb: services[0] in the data-crumb-config block ("chat") has "description" ${JSON.stringify(description)}: expected a text; no description is shown.`,
      );
    },
  );

  it.each([[{}], ['chat'], [null], [42]])('refuses services that are not an array (%j)', (services) => {
    const { config, problems } = parseServices(services);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('"services"');
    expect(config.services).toEqual([]);
  });

  it.each([[null], ['chat'], [['chat']]])('skips an entry that is not an object (%j)', (entry) => {
    const { config, problems } = parseServices([entry, chat()]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('services[0]');
    expect(config.services.map((s) => s.id)).toEqual(['chat']);
  });
});

describe('parseConfig: the sentence for a service field left out', () => {
  it.each([
    ['id', { name: 'Chat', category: 'marketing' }, 'services[0] in the data-crumb-config block has no "id": expected'],
    ['name', { id: 'chat', category: 'marketing' }, '("chat") needs a "name" to show visitors, and has none;'],
    ['category', { id: 'chat', name: 'Chat' }, '("chat") has no "category": expected "analytics" or "marketing"'],
  ])('says the %s is missing, never "undefined"', (_, service, sentence) => {
    const { problems } = parseServices([service]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(sentence);
    expect(problems[0].message).not.toContain('undefined');
  });
});

describe('parseConfig: cookie patterns that could hang the page', () => {
  it.each([
    ['/(a+)+$/'],
    ['/^(a*)*$/'],
    ['/(a|aa)+$/'],
    ['/((\\w+))*x/'],
    ['/(a+b?){2,}$/i'],
    // A parenthesis in a character class or escaped is no group: it must not hide the one that is.
    ['/(a+|[(])+$/'],
    ['/(a+|\\()+$/'],
    ['/(a|[)])*b$/'],
    ['/(\\d?)+$/'],
  ])('refuses %s with one error saying why, and keeps the rest', (pattern) => {
    const { config, problems } = parseServices([chat({ cookies: [pattern, 'chat_id'] })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain(`has cookie pattern ${JSON.stringify(pattern)}, which repeats a group`);
    expect(problems[0].message).toContain('could hang the page; it is ignored.');
    expect(config.services[0].cookies).toEqual(['chat_id']);
  });

  it.each([
    ['/[a-z]+[a-z]+[a-z]+_/'],
    ['/^a*a*a*a*a*$/'],
    ['/x{2,}y+z*/'],
    ['/[a-z]{1,99}[a-z]{1,99}[a-z]{1,99}_/'],
    ['/a?b?c?d/'],
    // A group repeated, whatever it holds: a group of its own inside hid the nested repeat from the earlier check.
    ['/(a+|(b))+$/'],
    ['/(a+|(?:b))+$/'],
    ['/^(\\w|(?:\\d))+$/'],
    ['/^_pk_(id|ses)(\\..*)?$/'],
  ])('refuses %s, a group repeated or more than two repeats (seconds or more on one name)', (pattern) => {
    const { config, problems } = parseServices([chat({ cookies: [pattern, 'chat_id'] })]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('or more than two things (*, +, ?, {n,m}), so testing a cookie name');
    expect(config.services[0].cookies).toEqual(['chat_id']);
  });

  it('keeps a pattern of two repeats, and counts none in escapes or classes, a lazy one once', () => {
    const patterns = ['/^_ga_.+_.+$/', '/^a+\\*b\\+c[*+?]d{2}$/', '/^_ga_.+?_x$/', '/^(?:_ga|_gid)_.*$/'];
    const { config, problems } = parseServices([chat({ cookies: patterns })]);
    expect(problems).toEqual([]);
    expect(config.services[0].cookies).toHaveLength(patterns.length);
  });

  it('keeps the patterns the README shows, and a group that is not repeated', () => {
    const patterns = [
      '/^_hj/',
      '/_pk_id/',
      '/^_ga_.+$/',
      '/^_pk_id\\./',
      '/^(_ga|_gid)$/',
      '/^sess_\\d+$/i',
      '/(?:x)/',
      '/^[(a]+$/',
      '/^\\(x\\)+$/',
    ];
    const { config, problems } = parseServices([chat({ cookies: patterns })]);
    expect(problems).toEqual([]);
    expect(config.services[0].cookies).toHaveLength(patterns.length);
  });

  it('still calls a pattern that does not compile not a valid regular expression', () => {
    const { problems } = parseServices([chat({ cookies: ['/(a+/'] })]);
    expect(problems[0].message).toContain('which is not a valid regular expression; it is ignored.');
  });
});
