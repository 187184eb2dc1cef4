// A letter kept as a document, in real Chromium: a warning (or licence compliance letter) is
// decided on a failure from demo.po1's enforcement worklist through the JSON API, then the
// person's documents and the letter itself are opened, checked with axe against WCAG 2.2 AA, and
// printed through the "Print this letter" button. scripts/browser-tests.sh starts the server and
// sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { apiSession, base, expectAccessible, newPage, signIn } from './support.mjs'

// Decides a letter on the first warning or compliance-letter alert in demo.po1's worklist;
// returns the CRN.
async function issueALetter () {
  const { api, csrf } = await apiSession('demo.po1')
  const worklist = await api.get('/api/v1/enforcement/worklist?limit=200')
  assert.equal(worklist.status(), 200, await worklist.text())
  const kinds = { warning: 'warning_issued', compliance_letter: 'compliance_letter' }
  const item = (await worklist.json()).items.find((i) => kinds[i.alert.kind] && i.alert.state === 'open')
  assert.ok(item, 'demo.po1 has no open warning or compliance-letter alert to decide')
  const decided = await api.post(`/api/v1/people/${item.crn}/enforcement/decisions`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { sentence_id: item.sentence_id, appointment_id: item.alert.appointment_id, kind: kinds[item.alert.kind] }
  })
  assert.equal(decided.status(), 201, await decided.text())
  await api.dispose()
  return item.crn
}

test('a letter is kept on the case and prints on its own', async () => {
  const crn = await issueALetter()
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')

  await page.goto(`${base}/people/${crn}/documents`)
  await expectAccessible(page)
  const link = page.locator('#documents a').first()
  const title = await link.textContent()
  assert.match(title, /^(Warning letter|Licence compliance letter): failure to comply on /)
  await link.click()
  assert.equal(await page.title(), `${title} - Probity`)
  await expectAccessible(page)
  assert.match(await page.locator('.app-letter').textContent(), new RegExp(crn))

  // With scripts the button shows and opens the print dialogue (stubbed here); the hint goes.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1 } })
  const print = page.getByRole('button', { name: 'Print this letter' })
  await print.click()
  assert.equal(await page.evaluate(() => window.printed), 1)
  assert.equal(await page.locator('.app-print-hint').isVisible(), false)

  // Printed, only the letter shows: no header, navigation or case tabs.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.moj-header').isVisible(), false)
  assert.equal(await page.locator('.app-no-print').isVisible(), false)
  assert.equal(await page.locator('.app-letter').isVisible(), true)

  assert.deepEqual(problems, [])
  await context.close()
})
