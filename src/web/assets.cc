#include "web/assets.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace probity::web {

namespace {

constexpr std::string_view kPrefix = "/assets/";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

std::optional<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A manifest entry must stay inside the assets folder: no absolute paths, no "..".
bool IsPlainRelative(std::string_view name) {
  if (name.empty() || name.front() == '/') return false;
  for (const auto& part : std::filesystem::path(name))
    if (part == ".." || part == ".") return false;
  return true;
}

}  // namespace

std::string ContentTypeOf(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".map", "application/json"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".webmanifest", "application/manifest+json"},
  };
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const auto it = kTypes.find(name.substr(dot));
  return std::string(it == kTypes.end() ? "application/octet-stream" : it->second);
}

Result<Assets> Assets::Load(const std::string& dir) {
  const std::filesystem::path root(dir);
  const auto manifest_text = ReadWhole(root / "manifest.json");
  if (!manifest_text)
    return Error::Invalid("no_assets", "there is no " + (root / "manifest.json").string() +
                                           ": build the assets with scripts/build-assets.sh");
  const auto manifest = nlohmann::json::parse(*manifest_text, nullptr, false);
  if (!manifest.is_object())
    return Error::Invalid("bad_manifest", (root / "manifest.json").string() + " is not an object");
  Assets assets;
  for (const auto& [logical, value] : manifest.items()) {
    if (!value.is_string() || !IsPlainRelative(value.get<std::string>()))
      return Error::Invalid("bad_manifest",
                            "manifest entry " + logical + " is not a file inside " + dir);
    const std::string hashed = value.get<std::string>();
    auto body = ReadWhole(root / hashed);
    if (!body)
      return Error::Invalid("missing_asset", "manifest names " + hashed + " but " +
                                                 (root / hashed).string() + " cannot be read");
    assets.urls_[logical] = hashed;
    assets.served_[hashed] = File{ContentTypeOf(hashed), std::move(*body)};
  }
  return assets;
}

std::string Assets::Url(std::string_view logical) const {
  const auto it = urls_.find(logical);
  return std::string(kPrefix) + (it == urls_.end() ? std::string(logical) : it->second);
}

const Assets::File* Assets::Served(std::string_view name) const {
  const auto it = served_.find(name);
  return it == served_.end() ? nullptr : &it->second;
}

void AddAssetRoutes(Router& router, const Assets& assets) {
  // Assets sit at most three folders deep ("rebrand/images/x.png"); each depth is one route.
  auto serve = [&assets](const Request& request) -> Result<Response> {
    const std::string_view path = request.path;
    const auto* file =
        path.starts_with(kPrefix) ? assets.Served(path.substr(kPrefix.size())) : nullptr;
    if (!file) return Error::NotFound("not_found", "there is no such asset");
    Response response = Response::Text(200, file->body, file->content_type);
    response.SetHeader("Cache-Control", std::string(kImmutable));
    return response;
  };
  router.Add("GET", "/assets/{a}", serve, {"A front-end asset (hashed name)"});
  router.Add("GET", "/assets/{a}/{b}", serve, {"A front-end asset (hashed name)"});
  router.Add("GET", "/assets/{a}/{b}/{c}", serve, {"A front-end asset (hashed name)"});
}

}  // namespace probity::web
