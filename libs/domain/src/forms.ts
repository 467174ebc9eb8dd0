import { UnknownFormError } from './errors';

/** The five forms of a peaceful assembly (Art. 1 of Law No. 333-VI), as API values. */
export const ASSEMBLY_FORMS = ['picket', 'meeting', 'rally', 'demonstration', 'procession'] as const;
export type AssemblyForm = (typeof ASSEMBLY_FORMS)[number];

/** notification: picket, meeting, rally (Arts. 10-11); application for consent: the moving forms (Arts. 12-13). */
export const PROCEDURES = ['notification', 'application'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export function isAssemblyForm(x: unknown): x is AssemblyForm {
  return x === 'picket' || x === 'meeting' || x === 'rally' || x === 'demonstration' || x === 'procession';
}

/** Demonstrations and processions move along a route; the other forms stand at a place. */
export function isMovingForm(form: AssemblyForm): boolean {
  return form === 'demonstration' || form === 'procession';
}

/** The procedure of a form under a policy. */
export function procedureOf(
  form: AssemblyForm,
  policy: { forms: Record<AssemblyForm, { procedure: Procedure }> },
): Procedure {
  const rule = isAssemblyForm(form) ? policy.forms[form] : undefined;
  if (rule === undefined) throw new UnknownFormError(form);
  return rule.procedure;
}
