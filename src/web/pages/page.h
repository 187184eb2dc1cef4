// What every HTML page shares: the GOV.UK layout around a page template, redirects, error pages
// in GOV.UK style, and the guard that sends a signed-out person to sign in. Page handlers return
// Result<Response> like API handlers; errors become HTML pages here rather than JSON.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "access/model.h"
#include "core/result.h"
#include "web/assets.h"
#include "web/auth.h"
#include "web/http.h"
#include "web/router.h"

namespace probity::web::pages {

// The parts a page needs: who is asking (through auth) and the asset URLs.
struct Site {
  const Auth& auth;
  const Assets& assets;
};

// `template_name` rendered with `data`, inside the layout (header, navigation for a signed-in
// `who`, footer). `title` is the page's own title; the layout adds the service name, and
// "Error: " when `data` has an error summary.
Response Page(const Site& site, const access::Principal* who, int status, std::string_view title,
              std::string_view template_name, nlohmann::json data);

// 303 See Other: after a form post, and to send someone to sign in.
Response SeeOther(std::string location);

// The GOV.UK-style page for an error: 404 "Page not found", 403, 500 "Sorry, there is a problem
// with the service" (with the request id; the cause is logged, never shown), and the message for
// the rest.
Response ErrorPage(const Site& site, const access::Principal* who, const Error& error,
                   std::string_view request_id);

// `text` percent-encoded for a query value ("/people/X1?a=b" -> "%2Fpeople%2FX1%3Fa%3Db").
std::string UrlEncoded(std::string_view text);

// `next` if it is a path on this site ("/people/X1"), else "/caseload": never another origin.
std::string SafeNext(std::string_view next);

using PageHandler = std::function<Result<Response>(const Request&, const access::Principal&)>;

// Runs `handler` for a signed-in person. Signed out: a GET goes to /sign-in?next=<this page>,
// anything else to /sign-in. A form without its CSRF token gets a 403 page. Errors and
// exceptions from `handler` become error pages.
Handler SignedIn(const Site& site, PageHandler handler);

// A page as a plain function of the site, the request and who is signed in, with the summary the
// OpenAPI document gives its route.
struct PageRoute {
  const char* method;
  const char* pattern;
  Result<Response> (*page)(const Site&, const Request&, const access::Principal&);
  const char* summary;
};
// Adds each page behind SignedIn.
void AddSignedInPages(Router& router, const Site& site, std::span<const PageRoute> pages);

// The csrf_token hidden field every form carries, for templates: {{csrf_token}}.
inline std::string CsrfOf(const access::Principal& who) { return who.csrf_token; }

}  // namespace probity::web::pages
