// A person's documents as pages: the list (GET /people/{crn}/documents, newest first) and one
// document (GET /people/{crn}/documents/{id}): a letter as it was issued, printable on its own
// (the print stylesheet hides everything but the letter; a "Print this letter" button where
// scripts run). Read-only: documents are issued by the decisions that send them
// (app/letters.h), never written here. Every case goes through the same gate as the API
// (OpenCaseFor): a case someone may not see is "Page not found".
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddDocumentPages(Router& router, const Site& site);

}  // namespace probity::web::pages
