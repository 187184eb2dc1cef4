// Probity's script: starts the GOV.UK Frontend and MoJ Frontend components on the page
// (accordions, error summaries, sortable tables, button menus and the rest).
//
// Every page works without it: this only enhances. Loaded as
//   <script type="module" src="/assets/application-<hash>.js"></script>
// so browsers too old for ES modules never run it, as GOV.UK Frontend requires.
//
// The two imports name the packages' own pre-built ES module bundles (copied from
// govuk-frontend/dist/govuk/ and @ministryofjustice/frontend/moj/); build.mjs rewrites each
// specifier to the bundle's content-hashed file name. Import only by these './<name>' specifiers:
// the build fails on any other.
import { initAll as initGovukFrontend } from './govuk-frontend.min.js'
import { initAll as initMojFrontend } from './moj-frontend.min.js'

// The page template sets these two classes on <body> in a tiny inline script before any content
// (GOV.UK Frontend's own template does). A browser that runs this module supports ES modules, so
// if that script did not run (a page without it, or one blocked by a Content-Security-Policy), set
// them here rather than leave every component uninitialised.
const body = document.body
if (!body.classList.contains('govuk-frontend-supported')) {
  body.classList.add('js-enabled', 'govuk-frontend-supported')
}

initGovukFrontend()
initMojFrontend()

// "Print this letter" (templates/document.mustache): the button is hidden in the HTML, so a browser
// without this script shows only the hint to use its own print command; here it appears, opens the
// print dialogue, and the hint goes.
for (const button of document.querySelectorAll('[data-module="app-print-button"]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
  const hint = button.parentElement.querySelector('.app-print-hint')
  if (hint) hint.hidden = true
}
