/**
 * The UI chunk: Preact components, styles and one language's texts, loaded only when the preferences or an iframe
 * placeholder must be shown (the banner is the widget chunk's). `chunk.ts` wraps it for the script tag; `src/index.ts` imports it lazily.
 */
import { render } from 'preact';
import { completeShown } from '../trackers/registry';
import { App } from './App';
import type { UiModule } from './contract';
import { placeholder } from './placeholder';
import css from './styles.css?inline';

export const ui: Pick<UiModule, 'mount' | 'placeholder'> = {
  mount(ctx) {
    completeShown(ctx.model.services);
    ctx.addStyles(css);
    const container = ctx.doc.createElement('div');
    container.className = 'ui';
    ctx.root.appendChild(container);
    const update = () => render(<App {...ctx} />, container);
    ctx.model.subscribe(update);
    update();
  },
  placeholder: (ctx, iframe, names) => {
    completeShown(ctx.model.services);
    return placeholder(ctx, iframe, names);
  },
};
