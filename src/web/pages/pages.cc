#include "web/pages/pages.h"

#include "web/errors.h"
#include "web/pages/allocate_page.h"
#include "web/pages/appointment_pages.h"
#include "web/pages/calendar_feed_page.h"
#include "web/pages/caseload_page.h"
#include "web/pages/diary_page.h"
#include "web/pages/document_pages.h"
#include "web/pages/enforcement_pages.h"
#include "web/pages/person_pages.h"
#include "web/pages/proceedings_pages.h"
#include "web/pages/report_pages.h"
#include "web/pages/risk_pages.h"
#include "web/pages/room_pages.h"
#include "web/pages/sample_pages.h"
#include "web/pages/sign_in_pages.h"
#include "web/pages/unallocated_page.h"
#include "web/pages/unit_full_pages.h"
#include "web/pages/worklist_page.h"
#include "web/pages/workload_pages.h"

namespace probity::web::pages {

void AddPages(Router& router, const Site& site) {
  AddAssetRoutes(router, site.assets);
  AddSignInPages(router, site);
  AddCaseloadPage(router, site);
  AddPersonPages(router, site);
  AddAppointmentPages(router, site);
  AddDiaryPage(router, site);
  AddCalendarFeedPage(router, site);
  AddRoomPages(router, site);
  AddDocumentPages(router, site);
  AddEnforcementPages(router, site);
  AddWorklistPage(router, site);
  AddProceedingsPages(router, site);
  AddRiskPages(router, site);
  AddUnallocatedPage(router, site);
  AddUnitFullPages(router, site);
  AddWorkloadPages(router, site);
  AddAllocatePage(router, site);
  AddSamplePages(router, site);
  AddReportPages(router, site);
  router.SetNotFound([site](const Request& request) -> Response {
    const Error missing = Error::NotFound("not_found", "there is nothing at " + request.path);
    if (request.path.starts_with("/api/")) return ErrorResponse(missing, request.request_id);
    auto who = site.auth.Authenticate(request);
    return ErrorPage(site, who ? &*who : nullptr, missing, request.request_id);
  });
}

}  // namespace probity::web::pages
