// Building DOM nodes. Text always goes in as text nodes: nothing here parses HTML, so a header such as
// `<img src=x onerror=alert(1)>` read from the sheet is shown literally.
import type { Translate } from './i18n';

export interface ViewContext {
  t: Translate;
  locale: string;
}

type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  attrs?: Record<string, string>;
  text?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The sidebar page has no element #${id}.`);
  return node as T;
}

/** A link that opens outside the add-on's frame; only http(s) addresses become links. */
export function externalLink(url: string | null, label: string): HTMLElement {
  if (!url) return el('span', { text: label });
  return el('a', { text: label, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } });
}

/** A definition list row: a term and its value. */
export function fact(term: string, value: Child, id?: string): Node[] {
  const dd = el('dd', id ? { attrs: { 'data-field': id } } : {}, value);
  return [el('dt', { text: term }), dd];
}

export function badge(label: string, tone: 'ok' | 'bad' | 'busy' | 'idle' | 'warn'): HTMLElement {
  return el('span', { className: `badge badge-${tone}`, text: label });
}
