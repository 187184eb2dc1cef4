// A running Probity server over a fresh database seeded with the demo organisation and accounts
// (password kDemoPassword), on each backend: the base of the HTTP tests. The clock is fixed.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "db_fixture.h"
#include "http_client.h"
#include "store/db.h"
#include "web/auth.h"
#include "web/router.h"
#include "web/server.h"

namespace probity::testing {

inline const std::string kDemoPassword = "correct horse battery staple";

class AppServerTest : public DbTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  using Headers = std::vector<std::pair<std::string, std::string>>;
  // A request; a non-empty body is sent as application/json.
  ClientResponse Send(const std::string& method, const std::string& target,
                      const std::string& body = {}, Headers headers = {});
  // The same with an API token of `username` (created once per test).
  ClientResponse As(const std::string& username, const std::string& method,
                    const std::string& target, const nlohmann::json& body = nullptr);
  // Signs in; returns (cookie pair, csrf token).
  std::pair<std::string, std::string> SignIn(const std::string& username);
  // Registers Dale Robson (born 14 February 1988) as `crn` in the team of demo.po1, who
  // registers him: the person most scenario tests follow.
  void AddDale(const std::string& crn);
  // Books a supervision appointment at NE-WALL on `sentence` of `crn` at `uk_time` (UK wall-clock
  // time, "2026-11-02T10:00") as demo.po1 a day before, then, an hour after it, records that the
  // person failed to attend, judged `judgement` ("acceptable" with the reason illness). The clock
  // is left an hour after the appointment. Returns the appointment's id; 0 when it went wrong
  // (the failed expectation says why).
  int64_t RecordFailure(const std::string& crn, int64_t sentence, const std::string& uk_time,
                        const std::string& judgement = "unacceptable");
  // Adds an account for a role the demo lacks (recall team, performance analyst).
  void AddAccount(const std::string& username, access::Role role,
                  std::vector<std::string> teams = {});

  FixedClock clock_{ParseUtc("2026-11-23T09:00:00.000000Z").value()};
  std::unique_ptr<store::Db> db_;
  std::unique_ptr<web::Auth> auth_;
  web::Router router_;
  std::unique_ptr<web::Server> server_;
  std::thread runner_;
  uint16_t port_ = 0;
  std::map<std::string, std::string> tokens_;
};

}  // namespace probity::testing
