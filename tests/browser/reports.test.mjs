// The performance pages in real Chromium: a senior manager opens Performance from the
// navigation, changes the unit to a team, opens the items behind a figure and the integrity
// report, and sees a bad date beside its field; a practitioner sees their own figures only.
// axe checks each page (charts, tables and the form) against WCAG 2.2 AA.
// scripts/browser-tests.sh starts the server and sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, signIn } from './support.mjs'

test('a senior manager reads the figures of a team, a figure\'s items and the integrity report', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.manager1')
  await page.getByRole('link', { name: 'Performance', exact: true }).click()
  assert.equal(page.url(), `${base}/reports`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Performance')
  assert.equal(await page.locator('[data-kpi]').count(), 7, 'a card per figure')
  assert.equal(await page.locator('svg[role="img"]').count(), 7, 'a chart per figure')
  assert.match(await page.locator('#report-scope').innerText(), /^All units$/)
  await expectAccessible(page)

  await page.getByLabel('Whose figures').selectOption('team:NE-TYN-A')
  await page.getByLabel('From').fill(`${new Date().getUTCFullYear()}-01-01`)
  await page.getByRole('button', { name: 'Show figures' }).click()
  assert.match(page.url(), /\/reports\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}&unit=team%3ANE-TYN-A$/)
  assert.match(await page.locator('#report-scope').innerText(), /^Team NE-TYN-A/)
  assert.match(await page.locator('#kpi-csv').getAttribute('href'), /^\/api\/v1\/reports\/kpi\.csv\?from=\d{4}-01-01&to=.*&team=NE-TYN-A$/)
  await expectAccessible(page)

  await page.locator('#kpi-rearrangements-items').click()
  assert.match(page.url(), /\/reports\/kpi\/rearrangements\?from=.*&team=NE-TYN-A$/)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Appointments rearranged')
  assert.ok(await page.locator('#kpi-items tbody tr').count() > 0, 'the demo caseload has appointments this year')
  await expectAccessible(page)

  await page.locator('#back-to-figures').click()
  await page.locator('#integrity-link').click()
  assert.match(page.url(), /\/reports\/integrity\?from=.*&team=NE-TYN-A$/)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Integrity report')
  assert.equal(await page.locator('[data-section]').count(), 5)
  await expectAccessible(page)

  // A date that does not read: the error beside the field and in the summary.
  await page.getByLabel('From').fill('soon')
  await page.getByRole('button', { name: 'Show changes' }).click()
  await page.locator('.govuk-error-summary').waitFor()
  assert.match(await page.locator('#from-error').innerText(), /Enter the first day as YYYY-MM-DD/)
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})

test('a practitioner sees their own figures only', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  await page.getByRole('link', { name: 'Performance', exact: true }).click()
  assert.equal(await page.locator('#unit option').count(), 1, 'their own figures and nothing else')
  assert.equal(await page.locator('#report-scope').innerText(), 'Priya Okafor')
  assert.equal(await page.locator('[data-kpi]').count(), 7)
  await expectAccessible(page)
  assert.deepEqual(problems, [])
  await context.close()
})
