#include "web/case_gate.h"

#include "web/json_input.h"

namespace probity::web {

Result<app::CaseRef> OpenCaseFor(const Auth& auth, const Request& request,
                                 const access::Principal& who, access::Action action) {
  app::CaseRequest what{action, request.method + " " + request.path, request.request_id};
  return app::OpenCase(auth.db(), who, std::string(request.Param("crn")), what, auth.clock().Now());
}

Result<int> RequiredVersion(const nlohmann::json& body) {
  auto version = RequiredInt(body, "version");
  if (!version) return version.error();
  if (*version < 1 || *version > 1'000'000'000)
    return Error::Invalid("invalid_version", "version must be the positive number you read",
                          "version");
  return static_cast<int>(*version);
}

}  // namespace probity::web
