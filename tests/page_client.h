// Driving the HTML pages as a browser does, for the page tests: form bodies, the CSRF token a
// page carries, form posts and page loads with a session cookie (one per user, kept until the
// clock moves: At), a case allocated to demo.po1, and the event log's length (to show that a
// refused form wrote nothing).
#pragma once

#include <gtest/gtest.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <initializer_list>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "app_server.h"
#include "store/event_log.h"

namespace probity::testing {

// An application/x-www-form-urlencoded body of (name, value) pairs, in their order.
template <class Fields>
std::string EncodeForm(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + name + "=" +
            boost::urls::encode(value, boost::urls::unreserved_chars);
  return body;
}

inline std::string Form(std::initializer_list<std::pair<std::string, std::string>> fields) {
  return EncodeForm(fields);
}

// The value of the first csrf_token field in a page; "" when there is none.
inline std::string CsrfFieldOf(const std::string& html) {
  std::smatch m;
  const std::regex field(R"(name="csrf_token" value="([^"]+)\")");
  return std::regex_search(html, m, field) ? m[1].str() : "";
}

class PageTest : public AppServerTest {
 protected:
  ClientResponse PostForm(const std::string& target, const std::string& body,
                          Headers headers = {}) {
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return HttpClient(port_).Send("POST", target, body, headers);
  }

  ClientResponse Get(const std::string& target, const std::string& cookie) {
    return Send("GET", target, "", {{"Cookie", cookie}});
  }

  // Registers `crn` (born 12 April 1990) through the API and allocates it to demo.po1, of team
  // NE-TYN-A. A refusal is a fatal failure: callers check HasFatalFailure().
  void AddCase(const std::string& crn, const std::string& first_name,
               const std::string& last_name) {
    ASSERT_EQ(As("demo.po1", "POST", "/api/v1/people",
                 {{"crn", crn},
                  {"first_name", first_name},
                  {"last_name", last_name},
                  {"date_of_birth", "1990-04-12"},
                  {"gender", "male"}})
                  .status,
              201);
    ASSERT_EQ(As("demo.spo1", "POST", "/api/v1/people/" + crn + "/allocation",
                 {{"officer_username", "demo.po1"}, {"reason", "capacity"}})
                  .status,
              201);
  }

  // Moves the clock to `utc`; sessions start afresh.
  void At(const char* utc) {
    clock_.Set(*ParseUtc(utc));
    sessions_.clear();
  }

  // `user`'s session (cookie, CSRF token), signing in the first time: an event of its own.
  const std::pair<std::string, std::string>& Session(const std::string& user) {
    auto it = sessions_.find(user);
    if (it == sessions_.end()) it = sessions_.emplace(user, SignIn(user)).first;
    return it->second;
  }

  // A page as `user` (a Location's #fragment stays in the browser, as it would).
  ClientResponse GetAs(const std::string& user, const std::string& target) {
    return Get(target.substr(0, target.find('#')), Session(user).first);
  }

  // Posts a form as `user`, with their CSRF token first.
  ClientResponse PostAs(const std::string& user, const std::string& target,
                        std::vector<std::pair<std::string, std::string>> fields) {
    const auto& [cookie, csrf] = Session(user);
    fields.insert(fields.begin(), {"csrf_token", csrf});
    return PostForm(target, EncodeForm(fields), {{"Cookie", cookie}});
  }

  // The sequence number of the last event: unchanged when nothing was written.
  int64_t Events() {
    auto tx = db_->BeginRead();
    return store::ReadChainHead(tx).seq;
  }

  std::map<std::string, std::pair<std::string, std::string>> sessions_;
};

}  // namespace probity::testing
