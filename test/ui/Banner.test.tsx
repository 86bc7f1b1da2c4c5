// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '../../src/ui/Banner';
import { uiProps } from '../helpers/ui';

afterEach(cleanup);

describe('Banner', () => {
  it('is a region named "Cookie consent" with the three buttons', () => {
    render(<Banner {...uiProps()} covered={false} reopenButton={() => null} />);
    const region = screen.getByRole('region', { name: 'Cookie consent' });
    const buttons = within(region).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customize']);
    for (const b of buttons) expect(b.getAttribute('type')).toBe('button');
    expect(region.hasAttribute('data-nosnippet')).toBe(true);
  });

  it('is not modal and has no dialog semantics', () => {
    render(<Banner {...uiProps()} covered={false} reopenButton={() => null} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region').getAttribute('aria-modal')).toBeNull();
  });

  it('shows the policy link only when a policy URL is configured', () => {
    const { unmount } = render(<Banner {...uiProps()} covered={false} reopenButton={() => null} />);
    expect(screen.queryByRole('link')).toBeNull();
    unmount();
    render(<Banner {...uiProps({ config: { policyUrl: '/privacy' } })} covered={false} reopenButton={() => null} />);
    const link = screen.getByRole('link', { name: 'Privacy policy' });
    expect(link.getAttribute('href')).toBe('/privacy');
  });

  it('"Accept all" grants everything, with source banner', () => {
    const props = uiProps();
    render(<Banner {...props} covered={false} reopenButton={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(props.model.decision()?.record).toMatchObject({
      source: 'banner',
      categories: { analytics: true, marketing: true },
    });
  });

  it('"Reject all" refuses everything, with source banner', () => {
    const props = uiProps();
    render(<Banner {...props} covered={false} reopenButton={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(props.model.decision()?.record).toMatchObject({
      source: 'banner',
      categories: { analytics: false, marketing: false },
      services: [],
    });
  });

  it('"Customize" opens the preferences without deciding', () => {
    const props = uiProps();
    render(<Banner {...props} covered={false} reopenButton={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Customize' }));
    expect(props.model.isOpen()).toBe(true);
    expect(props.model.decision()).toBeUndefined();
  });

  it('renders texts as text, never as HTML', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <Banner
        {...uiProps({ overrides: { bannerTitle: html, bannerText: html, acceptAll: `<b>${html}</b>` } })}
        covered={false}
        reopenButton={() => null}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe(html);
    expect(screen.getByRole('button', { name: `<b>${html}</b>` })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('uses overridden names', () => {
    render(
      <Banner
        {...uiProps({ overrides: { bannerLabel: 'Cookies', acceptAll: 'OK' } })}
        covered={false}
        reopenButton={() => null}
      />,
    );
    const region = screen.getByRole('region', { name: 'Cookies' });
    expect(within(region).getByRole('button', { name: 'OK' })).toBeTruthy();
  });
});
