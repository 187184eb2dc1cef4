#include "web/errors.h"

#include <gtest/gtest.h>

namespace probity::web {
namespace {

TEST(HttpStatus, OneStatusPerKind) {
  const struct {
    ErrorKind kind;
    int status;
  } table[] = {
      {ErrorKind::kInvalid, 400},  {ErrorKind::kNotFound, 404}, {ErrorKind::kForbidden, 403},
      {ErrorKind::kConflict, 409}, {ErrorKind::kTooLarge, 413}, {ErrorKind::kUnavailable, 503},
      {ErrorKind::kInternal, 500}, {ErrorKind::kUnauthenticated, 401},
      {ErrorKind::kRateLimited, 429},
  };
  for (const auto& row : table) {
    SCOPED_TRACE(ToString(row.kind));
    EXPECT_EQ(HttpStatus(row.kind), row.status);
  }
}

TEST(ErrorResponse, HasTheOneShapeWithFieldOnlyWhenSet) {
  auto with_field =
      ErrorResponse(Error::Invalid("bad_crn", "a CRN is a letter and 6 digits", "crn"), "abc");
  EXPECT_EQ(with_field.status, 400);
  EXPECT_EQ(with_field.Header("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(with_field.body),
            nlohmann::json::parse(R"({"error":{"code":"bad_crn",
                "message":"a CRN is a letter and 6 digits","field":"crn"}})"));

  auto without = ErrorResponse(Error::NotFound("person_not_found", "no person X123456"), "abc");
  EXPECT_EQ(without.status, 404);
  EXPECT_EQ(nlohmann::json::parse(without.body),
            nlohmann::json::parse(
                R"({"error":{"code":"person_not_found","message":"no person X123456"}})"));
}

TEST(ErrorResponse, InternalErrorsNameOnlyTheRequestId) {
  auto r = ErrorResponse(Error::Internal("sql_failed", "syntax error near people_secret"), "f00d");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("people_secret"), std::string::npos);
  EXPECT_EQ(r.body.find("sql_failed"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(r.body),
            nlohmann::json::parse(R"({"error":{"code":"internal_error",
                "message":"internal error, request id f00d"}})"));

  auto e = ExceptionResponse("std::bad_variant_access at store.cc:12", "beef");
  EXPECT_EQ(e.status, 500);
  EXPECT_EQ(e.body.find("store.cc"), std::string::npos);
  EXPECT_NE(e.body.find("request id beef"), std::string::npos);
}

TEST(MethodNotAllowedResponse, ListsAllowedMethods) {
  auto r = MethodNotAllowedResponse("PUT", "GET, HEAD");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "method_not_allowed");
}

}  // namespace
}  // namespace probity::web
