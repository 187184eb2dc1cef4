// The front-end assets (GOV.UK Frontend and MoJ Frontend styles, fonts, images and scripts) that
// scripts/build-assets.sh builds into a folder with content-hashed names and a manifest.json
// mapping each logical name ("application.css") to its file ("application-3f2a1b9c0d.css").
// A hashed name never changes content, so each is served with a year-long immutable cache.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"
#include "web/router.h"

namespace probity::web {

class Assets {
 public:
  // No assets: pages still render, unstyled (Url gives a path that answers 404).
  Assets() = default;

  // Reads DIR/manifest.json and every file it names into memory (a few hundred kilobytes).
  // kInvalid when the manifest is missing, malformed, or names a file that is not there or
  // lies outside DIR.
  static Result<Assets> Load(const std::string& dir);

  // "/assets/<hashed file>" for a logical name; "/assets/<logical>" when unknown, so a missing
  // asset shows as a 404 in the browser rather than breaking the page.
  std::string Url(std::string_view logical) const;

  struct File {
    std::string content_type;
    std::string body;
  };
  // The file served at "/assets/<name>" (a hashed name), or nullptr.
  const File* Served(std::string_view name) const;

  size_t size() const { return served_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> urls_;  // logical -> hashed
  std::map<std::string, File, std::less<>> served_;       // hashed -> file
};

// The Content-Type for a file name by its extension; application/octet-stream when unknown.
std::string ContentTypeOf(std::string_view file_name);

// GET /assets/... (public: the sign-in page needs them before anyone signs in).
void AddAssetRoutes(Router& router, const Assets& assets);

}  // namespace probity::web
