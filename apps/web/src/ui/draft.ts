/**
 * A form's typed values kept in sessionStorage, so that a lapsed session, a reload or a trip to
 * the sign-in page does not lose a long filing.
 */
type Snapshot = Record<string, string | boolean>;

const key = (name: string) => `jiyn.draft.${name}`;

export function loadDraft(name: string): Snapshot | null {
  try {
    const raw = sessionStorage.getItem(key(name));
    return raw ? (JSON.parse(raw) as Snapshot) : null;
  } catch {
    return null;
  }
}

export function saveDraft(name: string, form: HTMLFormElement): void {
  const snap: Snapshot = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.type === 'submit' || el.type === 'button') continue;
    if (el.type === 'radio') {
      if (el.checked) snap[el.name] = el.value;
    } else if (el.type === 'checkbox') snap[el.name] = el.checked;
    else snap[el.name] = el.value;
  }
  try {
    sessionStorage.setItem(key(name), JSON.stringify(snap));
  } catch {}
}

/** Puts saved values back, except the names in `skip` (set by the caller in its own order). */
export function restoreDraft(form: HTMLFormElement, snap: Snapshot, skip: string[] = []): void {
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || skip.includes(el.name) || !(el.name in snap) || el.readOnly) continue;
    const v = snap[el.name];
    if (el.type === 'radio') el.checked = el.value === v;
    else if (el.type === 'checkbox') el.checked = v === true;
    else el.value = String(v);
  }
}

export function clearDraft(name: string): void {
  try {
    sessionStorage.removeItem(key(name));
  } catch {}
}
