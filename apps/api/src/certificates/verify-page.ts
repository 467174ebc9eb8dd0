import type { CertificateFiling, Verification } from './certificate.service';

const escape = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The verification page for people who scan the certificate's QR code (kk, ru, en). */
export function verifyPage(filing: CertificateFiling, v: Verification): string {
  const ok = v.valid;
  const verdict = ok
    ? [
        'Анықтама жарамды: бейбіт жиналыс келісілген болып есептеледі.',
        'Справка действительна: мирное собрание считается согласованным.',
        'The certificate is valid: the assembly is deemed approved.',
      ]
    : ['Анықтама расталмады.', 'Справка не подтверждена.', 'The certificate could not be confirmed.'];
  const row = (label: string, value: unknown) =>
    `<tr><th>${escape(label)}</th><td>${escape(value ?? '—')}</td></tr>`;
  return `<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Jiyn · ${escape(v.number)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1b1d21; }
  main { max-width: 40rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; }
  .verdict { padding: .75rem 1rem; border-radius: 6px; margin: 1rem 0; }
  .ok { background: #e6f4ea; border: 1px solid #34a853; }
  .bad { background: #fce8e6; border: 1px solid #d93025; }
  .verdict p { margin: .2rem 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-top: 1px solid #e3e5e8; }
  th { font-weight: 500; color: #5f6368; width: 40%; }
  code { word-break: break-all; font-size: .85em; }
</style>
</head>
<body>
<main>
  <h1>Jiyn · ${escape(v.number)}</h1>
  <div class="verdict ${ok ? 'ok' : 'bad'}" data-valid="${ok}">
    ${verdict.map((line, i) => `<p lang="${['kk', 'ru', 'en'][i]}">${escape(line)}</p>`).join('\n    ')}
  </div>
  <table>
    ${row('Мәртебесі · Статус · Status', v.status)}
    ${row('Орны · Место · Place', filing.place)}
    ${row('Жауап беру мерзімі · Срок ответа · Answer deadline', v.answerDeadline)}
    ${row('Келісілген болып есептеледі · Считается согласованным с · Deemed approved as of', v.deemedApprovedAt)}
    ${row('Аудит тізбегі · Цепочка аудита · Audit chain', v.auditChain ? `${v.auditChain}, seq ${v.auditSeq}` : null)}
    <tr><th>SHA-256</th><td><code>${escape(v.auditHash ?? '—')}</code></td></tr>
    ${row('Тізбек тұтас · Цепочка цела · Chain intact', v.chainValid === null ? null : v.chainValid ? '✓' : '✗')}
    ${row('Тексерілді · Проверено · Checked', v.checkedAt)}
  </table>
</main>
</body>
</html>
`;
}
