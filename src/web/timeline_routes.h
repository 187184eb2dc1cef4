// Contacts and the timeline over the JSON API: record a contact, read one with its amendments,
// amend one, page through a person's timeline, and list the contact types for forms. Handlers
// open the case through web/case_gate.h, parse, call app/contacts.h and render; no SQL and no
// rules here.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

// POST /api/v1/people/{crn}/contacts, GET /api/v1/people/{crn}/contacts/{id},
// POST /api/v1/people/{crn}/contacts/{id}/amendments, GET /api/v1/people/{crn}/timeline,
// GET /api/v1/contact-types.
void AddTimelineRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
