import { h, nextId } from '../dom';
import { t, tl } from '../i18n';
import { roleLabel } from '../ui/labels';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { SigningCancelled } from './types';

export interface StubIdentity {
  iin: string;
  fullName: string;
}

/**
 * Asks who signs, for the development signer: a modal with the demo accounts to pick from and
 * the IIN and full name fields. Rejects with SigningCancelled when closed.
 */
export function askStubIdentity(prefill?: Partial<StubIdentity>): Promise<StubIdentity> {
  return new Promise((resolve, reject) => {
    const iinId = nextId('stub-iin');
    const nameId = nextId('stub-name');
    const errorId = nextId('stub-err');
    const iin = h('input', {
      id: iinId,
      name: 'iin',
      inputmode: 'numeric',
      autocomplete: 'off',
      maxlength: 12,
      pattern: '\\d{12}',
      required: true,
      'aria-describedby': errorId,
      value: prefill?.iin ?? '',
    });
    const fullName = h('input', {
      id: nameId,
      name: 'fullName',
      autocomplete: 'name',
      required: true,
      value: prefill?.fullName ?? '',
    });
    const error = h('p', { id: errorId, class: 'field-error', role: 'alert', 'aria-live': 'assertive' });

    const accounts = h(
      'ul',
      { class: 'demo-accounts', 'aria-label': tl('stub.demoAccounts') },
      DEMO_ACCOUNTS.map((a) =>
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'demo-account',
              'data-iin': a.iin,
              onclick: () => {
                iin.value = a.iin;
                fullName.value = a.fullName;
                error.textContent = '';
                submit.focus();
              },
            },
            h('span', { class: 'demo-account__name' }, a.fullName),
            h('span', { class: 'demo-account__meta' }, roleLabel(a.role, a.city), ' · ', a.iin),
          ),
        ),
      ),
    );

    const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, tl('stub.sign'));
    const cancel = h('button', { type: 'button', class: 'btn', value: 'cancel' }, tl('common.cancel'));
    const form = h(
      'form',
      { method: 'dialog', class: 'stack', novalidate: true },
      h('h2', { id: 'stub-title' }, tl('stub.title')),
      h('p', { class: 'notice notice--warn' }, tl('stub.explain')),
      h('h3', { class: 'h-small' }, tl('stub.demoAccounts')),
      accounts,
      h('div', { class: 'field' }, h('label', { for: iinId }, tl('field.iin')), iin),
      h('div', { class: 'field' }, h('label', { for: nameId }, tl('field.fullName')), fullName),
      error,
      h('div', { class: 'actions' }, submit, cancel),
    );
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'stub-title' }, form);

    let settled = false;
    const finish = (value: StubIdentity | null) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      if (value) resolve(value);
      else reject(new SigningCancelled());
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const who = { iin: iin.value.trim(), fullName: fullName.value.trim().replace(/\s+/g, ' ') };
      if (!/^\d{12}$/.test(who.iin)) {
        error.textContent = t('stub.badIin');
        iin.focus();
      } else if (!who.fullName) {
        error.textContent = t('stub.noName');
        fullName.focus();
      } else {
        finish(who);
      }
    });
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    (prefill?.iin ? submit : accounts.querySelector('button'))?.focus();
  });
}
