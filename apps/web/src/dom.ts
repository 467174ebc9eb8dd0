import { isLive, live, type Live } from './i18n';

/** Anything h() accepts as a child: text, nodes, localized text, nothing, or a list of those. */
export type Child = string | number | Node | Live | null | undefined | false | Child[];

type AttrValue = string | number | boolean | null | undefined | Live;
type Handler = (event: any) => void;
export type Attrs = Record<string, AttrValue | Handler>;

/**
 * Creates an element: `h('button', { type: 'button', onclick: go }, t.live('nav.map'))`.
 * `on*` functions become listeners, `class` sets className, `true` sets an empty attribute,
 * `false`/null/undefined leave it out, and Live values follow the language switcher.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

export function setAttrs(el: HTMLElement, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (isLive(value)) {
      live.bindAttr(el, name === 'class' ? 'class' : name, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      if (name === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
      else el.setAttribute(name === 'className' ? 'class' : name, String(value));
    }
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (isLive(child)) parent.appendChild(live.textNode(child));
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

let uid = 0;
/** A document-unique id for label/for and aria-describedby pairs. */
export function nextId(prefix = 'f'): string {
  uid += 1;
  return `${prefix}-${uid}`;
}
