import {
  CHARTS_THEME_ELEMENT_ID,
  HOST_METADATA_ELEMENT_ID,
  type HostMetadata,
} from './host_metadata';

/** JSON that is safe inside a `<script>` element (no `</script>`, no HTML comment openers). */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The one HTML page every `/app/*` URL gets, as Kibana serves its bootstrap page. */
export function renderPageHtml(metadata: HostMetadata): string {
  const assets = attribute(metadata.assetsPath);
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Elastic</title>
    <link rel="icon" href="data:," />
    <link id="${CHARTS_THEME_ELEMENT_ID}" rel="stylesheet" href="${assets}/charts_light.css" />
    <script id="${HOST_METADATA_ELEMENT_ID}" type="application/json">${scriptSafeJson(metadata)}</script>
    <script type="module" src="${assets}/main.js"></script>
  </head>
  <body>
    <div id="kibana-body" data-test-subj="kibanaChrome"></div>
  </body>
</html>
`;
}

/** The login page: Kibana's would ask for a password; the host offers the users it can log in. */
export function renderLoginHtml(
  logins: ReadonlyArray<{ username: string; fullName: string }>,
  href: (username: string) => string
): string {
  const items = logins
    .map(
      ({ username, fullName }) =>
        `      <li><a href="${attribute(href(username))}" data-test-subj="hostLogin-${attribute(username)}">${attribute(fullName)} (${attribute(username)})</a></li>`
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Log in - Elastic</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <h1>Log in</h1>
    <p>Elasticsearch checks the credentials; the password of every user here is changeme.</p>
    <ul>
${items}
    </ul>
  </body>
</html>
`;
}
