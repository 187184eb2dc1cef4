#include "web/system_routes.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <stdexcept>

#include "core/embedded.h"
#include "web/errors.h"
#include "web/openapi.h"

namespace probity::web {

void AddSystemRoutes(Router& router, std::function<bool()> database_answers) {
  if (auto doc = LoadOpenApi(); !doc) throw std::runtime_error(doc.error().message);
  const auto openapi_text = *embedded::Find("api/openapi.json");

  router.Add("GET", "/healthz", [](const Request&) {
    return Response::Json(200, {{"status", "ok"}});
  });

  router.Add("GET", "/readyz", [check = std::move(database_answers)](const Request& request) {
    bool ready = false;
    try {
      ready = check && check();
    } catch (const std::exception& e) {
      spdlog::warn("request id {}: readiness check threw: {}", request.request_id, e.what());
    }
    if (ready) return Response::Json(200, {{"status", "ready"}});
    return ErrorResponse(
        Error::Unavailable("database_unavailable", "the database does not answer; try again later"),
        request.request_id);
  });

  router.Add("GET", "/api/v1/openapi.json", [openapi_text](const Request&) {
    return Response::Text(200, std::string(openapi_text), "application/json");
  });
}

}  // namespace probity::web
