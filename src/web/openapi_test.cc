#include "web/openapi.h"

#include <gtest/gtest.h>

#include "web/system_routes.h"

namespace probity::web {
namespace {

TEST(OpenApi, EmbeddedDocumentIsOpenApi31ForProbity) {
  auto doc = LoadOpenApi();
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ((*doc)["openapi"], "3.1.0");
  EXPECT_EQ((*doc)["info"]["title"], "Probity");
  EXPECT_EQ((*doc)["info"]["version"], "0.1.0");
  const auto& error = (*doc)["components"]["schemas"]["Error"];
  EXPECT_EQ(error["properties"]["error"]["required"], nlohmann::json({"code", "message"}));
}

// Every route set gets this check: add its routes to a router, then compare with the document.
// The whole application router is checked both ways in tests/auth_http_test.cc
// (EveryRouteIsInTheOpenApiDocument); here, the system routes alone, without a database.
TEST(OpenApi, SystemRoutesAreDocumented) {
  Router router;
  AddSystemRoutes(router, [] { return true; });
  auto doc = LoadOpenApi();
  ASSERT_TRUE(doc);
  EXPECT_EQ(UndocumentedRoutes(router.Routes(), *doc), std::vector<std::string>{});
}

TEST(OpenApi, CheckNamesWhatIsMissingEitherWay) {
  auto doc = nlohmann::json::parse(R"({"paths": {
      "/people/{crn}": {"get": {}, "parameters": []},
      "/documented/only": {"post": {}}}})");
  std::vector<RouteInfo> routes = {
      {"GET", "/people/{crn}", {}}, {"DELETE", "/people/{crn}", {}}, {"GET", "/people/{id}", {}}};
  EXPECT_EQ(UndocumentedRoutes(routes, doc),
            (std::vector<std::string>{"DELETE /people/{crn}", "GET /people/{id}"}));
  EXPECT_EQ(UnservedOperations(routes, doc), (std::vector<std::string>{"POST /documented/only"}));
}

}  // namespace
}  // namespace probity::web
