// Breach proceedings through the pages, in real Chromium: the enforcement administrator initiates
// a breach on the demo's community order whose failures need a decision (through the JSON API, as
// the decision form is covered by the journey), then carries it through the breach page: a step
// refused without a choice, a summons, the breach withdrawn and the proceedings ended, each shown
// in the steps table and on the Enforcement tab; axe at WCAG 2.2 AA on every state. A practitioner
// is turned away from the recall team's list. scripts/browser-tests.sh starts the server and sets
// PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { apiSession, base, expectAccessible, newPage, signIn } from './support.mjs'

// Initiates breach proceedings on the first open decision alert on a community sentence in the
// enforcement administrator's worklist; returns the CRN.
async function initiateABreach () {
  const { api, csrf } = await apiSession('demo.enforcement')
  const worklist = await api.get('/api/v1/enforcement/worklist?limit=200')
  assert.equal(worklist.status(), 200, await worklist.text())
  const community = ['community_order', 'suspended_sentence_order']
  const item = (await worklist.json()).items.find((i) =>
    i.alert.kind === 'decision' && i.alert.state === 'open' && community.includes(i.sentence_kind))
  assert.ok(item, 'the demo caseload has no community order whose failures need a decision')
  const decided = await api.post(`/api/v1/people/${item.crn}/enforcement/decisions`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { sentence_id: item.sentence_id, appointment_id: item.alert.appointment_id, kind: 'breach_initiated' }
  })
  assert.equal(decided.status(), 201, await decided.text())
  await api.dispose()
  return item.crn
}

test('breach proceedings are carried from initiation to their end through the breach page', async () => {
  const crn = await initiateABreach()
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.enforcement')

  // From the person's Enforcement tab to the breach page.
  await page.goto(`${base}/people/${crn}/enforcement`)
  await expectAccessible(page)
  await page.getByRole('link', { name: /Breach proceedings/ }).first().click()
  assert.match(page.url(), new RegExp(`/people/${crn}/breaches/\\d+$`))
  await expectAccessible(page)
  const steps = page.locator('#steps tbody tr')
  assert.equal(await steps.count(), 1)
  assert.match(await steps.first().innerText(), /Breach proceedings initiated/)

  // No step chosen: refused, saying so, nothing recorded.
  await page.getByRole('button', { name: 'Record step' }).click()
  assert.match(await page.locator('.govuk-error-summary').innerText(), /step/i)
  await expectAccessible(page)
  assert.equal(await steps.count(), 1)

  await page.getByLabel('Summons issued').check()
  await page.getByLabel('Note (optional)').fill('Summons served by post.')
  await page.getByRole('button', { name: 'Record step' }).click()
  assert.equal(await steps.count(), 2)
  assert.match(await steps.nth(1).innerText(), /Summons issued[\s\S]*Summons served by post\./)
  await expectAccessible(page)

  // Withdrawn before any listing: the only outcome the form offers then.
  await page.getByLabel('Court outcome recorded').check()
  await page.getByLabel('Breach withdrawn').check()
  await page.getByRole('button', { name: 'Record step' }).click()
  assert.equal(await steps.count(), 3)
  assert.match(await page.locator('#breach-summary').innerText(), /Breach withdrawn/)

  await page.getByLabel('Breach proceedings ended').check()
  await page.getByRole('button', { name: 'Record step' }).click()
  assert.equal(await steps.count(), 4)
  assert.match(await page.locator('h2', { hasText: 'Breach proceedings' }).first().innerText(), /Ended/)
  assert.equal(await page.getByRole('button', { name: 'Record step' }).count(), 0)
  await expectAccessible(page)

  // The tab shows them ended, still linked.
  await page.getByRole('link', { name: 'Back to enforcement' }).click()
  assert.match(await page.getByRole('link', { name: /Breach proceedings/ }).first().innerText(), /ended/i)
  await expectAccessible(page)

  // The recall team's list is theirs alone.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, 'demo.po1')
  const denied = await page.goto(`${base}/recalls`)
  assert.equal(denied.status(), 403)
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})
