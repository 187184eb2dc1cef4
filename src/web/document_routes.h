// The JSON API of a person's documents (letters kept as issued; app/letters.h):
// GET /api/v1/people/{crn}/documents (newest first, without bodies) and
// GET /api/v1/people/{crn}/documents/{id} (with the body, the letter's HTML as issued). Read-only:
// documents are issued by the decisions that send them. Cases through OnCase (policy and the
// access log); a hidden case, or a document not this person's, is 404.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddDocumentRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
