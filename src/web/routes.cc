#include "web/routes.h"

#include "web/appointment_routes.h"
#include "web/calculator_routes.h"
#include "web/calendar_routes.h"
#include "web/case_access_routes.h"
#include "web/document_routes.h"
#include "web/enforcement_routes.h"
#include "web/feed_routes.h"
#include "web/organisation_routes.h"
#include "web/pages/pages.h"
#include "web/people_routes.h"
#include "web/proceedings_routes.h"
#include "web/report_routes.h"
#include "web/risk_routes.h"
#include "web/room_routes.h"
#include "web/sample_routes.h"
#include "web/sentence_routes.h"
#include "web/staff_routes.h"
#include "web/system_routes.h"
#include "web/timeline_routes.h"
#include "web/unallocated_routes.h"
#include "web/unit_full_routes.h"
#include "web/workload_routes.h"

namespace probity::web {

const Assets& NoAssets() {
  static const Assets none;
  return none;
}

void AddApplicationRoutes(Router& router, store::Db& db, const Auth& auth, const Assets& assets) {
  AddSystemRoutes(router, [&db] { return db.Ping(); });
  AddSessionRoutes(router, auth);
  AddOrganisationRoutes(router, auth);
  AddSentenceRoutes(router, auth);
  AddPeopleRoutes(router, auth);
  AddCaseAccessRoutes(router, auth);
  AddStaffRoutes(router, auth);
  AddTimelineRoutes(router, auth);
  AddCalendarRoutes(router, auth);
  AddCalculatorRoutes(router, auth);
  AddAppointmentRoutes(router, auth);
  AddRoomRoutes(router, auth);
  AddEnforcementRoutes(router, auth);
  AddProceedingsRoutes(router, auth);
  AddDocumentRoutes(router, auth);
  AddRiskRoutes(router, auth);
  AddUnallocatedRoutes(router, auth);
  AddUnitFullRoutes(router, auth);
  AddWorkloadRoutes(router, auth);
  AddFeedRoutes(router, auth);
  AddReportRoutes(router, auth);
  AddSampleRoutes(router, auth);
  pages::AddPages(router, pages::Site{auth, assets});
}

const std::vector<std::pair<std::string, std::string>>& PublicRoutes() {
  static const std::vector<std::pair<std::string, std::string>> routes = {
      {"GET", "/healthz"},
      {"GET", "/readyz"},
      {"GET", "/api/v1/openapi.json"},
      {"POST", "/api/v1/session"},
      {"GET", "/assets/{a}"},
      {"GET", "/assets/{a}/{b}"},
      {"GET", "/assets/{a}/{b}/{c}"},
      {"GET", "/"},
      {"GET", "/sign-in"},
      {"POST", "/sign-in"},
      {"GET", "/calendar/feeds/{file}"},  // the secret in the URL is the authentication
  };
  return routes;
}

}  // namespace probity::web
