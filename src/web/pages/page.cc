#include "web/pages/page.h"

#include <spdlog/spdlog.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "access/policy.h"
#include "web/errors.h"
#include "web/pages/enforcement_pages.h"
#include "web/pages/report_pages.h"
#include "web/templates.h"

namespace probity::web::pages {

namespace {

Response Html(int status, std::string body) {
  return Response::Text(status, std::move(body), "text/html; charset=utf-8");
}

nlohmann::json Layout(const Site& site, const access::Principal* who, std::string_view title,
                      std::string content, bool has_errors) {
  nlohmann::json layout = {
      {"title", (has_errors ? "Error: " : "") + std::string(title)},
      {"content", std::move(content)},
      {"stylesheet", site.assets.Url("application.css")},
      {"script", site.assets.Url("application.js")},
      {"favicon_ico", site.assets.Url("images/favicon.ico")},
      {"favicon_svg", site.assets.Url("images/favicon.svg")},
      {"mask_icon", site.assets.Url("images/govuk-icon-mask.svg")},
      {"touch_icon", site.assets.Url("images/govuk-icon-180.png")},
      {"web_manifest", site.assets.Url("manifest.json")},
  };
  if (who)
    layout["user"] = {{"name", who->name},
                      {"csrf_token", CsrfOf(*who)},
                      {"enforcement", DecidesOnFailures(who->role)},
                      {"recalls", who->role == access::Role::kRecallTeam},
                      {"workload", who->staff_id != 0},
                      {"performance", SeesPerformance(*who)},
                      {"allocates", access::ScopeOf(*who, access::Action::kAllocateCase).kind !=
                                        access::CaseScope::Kind::kNone}};
  return layout;
}

}  // namespace

Response Page(const Site& site, const access::Principal* who, int status, std::string_view title,
              std::string_view template_name, nlohmann::json data) {
  const bool has_errors = data.contains("errors") && !data["errors"].empty();
  data["has_errors"] = has_errors;
  if (who && !data.contains("csrf_token")) data["csrf_token"] = CsrfOf(*who);
  std::string content = RenderTemplate(template_name, data);
  return Html(status,
              RenderTemplate("layout", Layout(site, who, title, std::move(content), has_errors)));
}

Response SeeOther(std::string location) {
  Response response = Response::Text(303, "");
  response.SetHeader("Location", std::move(location));
  return response;
}

Response ErrorPage(const Site& site, const access::Principal* who, const Error& error,
                   std::string_view request_id) {
  const int status = HttpStatus(error.kind);
  nlohmann::json data = {{"status", status}};
  std::string title;
  switch (error.kind) {
    case ErrorKind::kNotFound:
      title = "Page not found";
      data["not_found"] = true;
      break;
    case ErrorKind::kForbidden:
      title = "You cannot see this page";
      data["message"] = error.message;
      break;
    case ErrorKind::kInternal:
      spdlog::error("request {}: {}: {}", request_id, error.code, error.message);
      title = "Sorry, there is a problem with the service";
      data["internal"] = true;
      data["request_id"] = std::string(request_id);
      break;
    default:
      title = "There is a problem";
      data["message"] = error.message;
      break;
  }
  data["heading"] = title;
  return Page(site, who, status, title, "error", std::move(data));
}

std::string UrlEncoded(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string SafeNext(std::string_view next) {
  // A path on this site: "/x", never "//host" or "/\host" (browsers read both as another origin).
  if (next.size() >= 1 && next[0] == '/' &&
      (next.size() == 1 || (next[1] != '/' && next[1] != '\\')))
    return std::string(next);
  return "/caseload";
}

Handler SignedIn(const Site& site, PageHandler handler) {
  return [site, handler = std::move(handler)](const Request& request) -> Response {
    auto who = site.auth.Authenticate(request);
    if (!who) {
      if (who.error().kind == ErrorKind::kUnauthenticated) {
        if (request.method == "GET" || request.method == "HEAD")
          return SeeOther("/sign-in?next=" + UrlEncoded(request.target));
        return SeeOther("/sign-in");
      }
      return ErrorPage(site, nullptr, who.error(), request.request_id);
    }
    try {
      auto response = handler(request, *who);
      if (!response) return ErrorPage(site, &*who, response.error(), request.request_id);
      return std::move(*response);
    } catch (const std::exception& e) {
      return ErrorPage(site, &*who, Error::Internal("exception", e.what()), request.request_id);
    }
  };
}

void AddSignedInPages(Router& router, const Site& site, std::span<const PageRoute> pages) {
  for (const auto& p : pages)
    router.Add(
        p.method, p.pattern,
        SignedIn(site,
                 [site, page = p.page](const Request& request, const access::Principal& who) {
                   return page(site, request, who);
                 }),
        {p.summary});
}

}  // namespace probity::web::pages
