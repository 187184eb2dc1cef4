// A person's sentences, requirements and licence conditions over the JSON API. Every handler
// passes auth.Guard, then web::OpenCaseFor (policy, and the access log of restricted cases):
// reading needs access::Action::kReadCase, changing kWriteCase. Handlers parse the body, call
// app/sentences.h and render with web/sentence_json.h; no SQL and no rules here.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

// GET  /api/v1/people/{crn}/sentences                      list, each with its parts
// POST /api/v1/people/{crn}/sentences                      add (201)
// GET  /api/v1/people/{crn}/sentences/{id}
// POST /api/v1/people/{crn}/sentences/{id}/terminate
// POST /api/v1/people/{crn}/sentences/{id}/requirements    add (201)
// POST /api/v1/people/{crn}/requirements/{id}/progress
// POST /api/v1/people/{crn}/requirements/{id}/end
// POST /api/v1/people/{crn}/sentences/{id}/licence-conditions   add (201)
// POST /api/v1/people/{crn}/licence-conditions/{id}/end
// A sentence, requirement or condition id that is not this person's is 404.
void AddSentenceRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
