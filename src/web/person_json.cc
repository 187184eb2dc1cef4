#include "web/person_json.h"

#include "cases/vocabulary.h"
#include "core/base64url.h"
#include "web/json_output.h"
#include "web/sentence_json.h"

namespace probity::web {

namespace {
using nlohmann::json;

json Officer(const std::optional<int64_t>& id, const std::optional<std::string>& name) {
  if (!id) return nullptr;
  return {{"staff_id", *id}, {"name", name.value_or("")}};
}
}  // namespace

json PersonSummaryJson(const cases::PersonSummary& p) {
  return {{"crn", p.crn},
          {"first_name", p.first_name},
          {"last_name", p.last_name},
          {"date_of_birth", p.date_of_birth},
          {"team_code", p.team_code},
          {"officer", Officer(p.officer_staff_id, p.officer_name)},
          {"tier", OrNull(p.tier)},
          {"restricted", p.limited}};
}

json CaseRecordJson(const cases::CaseRecord& r) {
  const auto& p = r.person;
  json out = {{"crn", p.crn},
              {"first_name", p.first_name},
              {"last_name", p.last_name},
              {"date_of_birth", p.date_of_birth},
              {"gender", p.gender},
              {"phone", OrNull(p.phone)},
              {"email", OrNull(p.email)},
              {"team_code", p.team_code},
              {"officer", Officer(p.officer_staff_id, p.officer_name)},
              {"iom", p.iom},
              {"tier", OrNull(p.tier)},
              {"restricted", p.limited},
              {"created_at", FormatUtc(p.created_at)},
              {"version", p.version}};
  bool current_sentence = false;
  for (const auto& s : r.sentences) current_sentence = current_sentence || s.current();
  out["unallocated"] = current_sentence && !p.officer_staff_id;

  json aliases = json::array();
  for (const auto& a : r.aliases)
    aliases.push_back({{"id", a.id},
                       {"first_name", a.first_name},
                       {"last_name", a.last_name},
                       {"date_of_birth", OrNull(a.date_of_birth)}});
  out["aliases"] = std::move(aliases);

  json addresses = json::array();
  for (const auto& a : r.addresses)
    addresses.push_back({{"id", a.id},
                         {"status", a.status},
                         {"line1", a.line1},
                         {"line2", OrNull(a.line2)},
                         {"town", a.town},
                         {"postcode", a.postcode},
                         {"start_date", a.start_date},
                         {"end_date", OrNull(a.end_date)}});
  out["addresses"] = std::move(addresses);

  json needs = json::array();
  for (const auto& n : r.needs)
    needs.push_back({{"need", n.need},
                     {"label", cases::LabelOf(cases::NeedAreas(), n.need)},
                     {"severity", n.severity},
                     {"assessed_on", n.assessed_on}});
  out["needs"] = std::move(needs);

  json registrations = json::array();
  for (const auto& g : r.registrations)
    registrations.push_back({{"id", g.id},
                             {"type", g.type},
                             {"label", cases::LabelOf(cases::RegistrationTypes(), g.type)},
                             {"level", OrNull(g.level)},
                             {"category", OrNull(g.category)},
                             {"notes", OrNull(g.notes)},
                             {"start_date", g.start_date},
                             {"end_date", OrNull(g.end_date)},
                             {"end_reason", OrNull(g.end_reason)},
                             {"added_by", g.added_by_name},
                             {"added_at", FormatUtc(g.added_at)},
                             {"active", g.active()},
                             {"version", g.version}});
  out["registrations"] = std::move(registrations);

  json links = json::array();
  for (const auto& k : r.keep_aparts)
    links.push_back({{"id", k.id},
                     {"other_crn", k.other_crn},
                     {"reason", k.reason},
                     {"added_at", FormatUtc(k.added_at)},
                     {"active", !k.ended_at.has_value()}});
  out["keep_apart"] = std::move(links);

  json convictions = json::array();
  for (const auto& c : r.convictions)
    convictions.push_back({{"id", c.id},
                           {"conviction_date", c.conviction_date},
                           {"offence_group", c.offence_group},
                           {"offence", OrNull(c.offence)}});
  out["convictions"] = std::move(convictions);

  json sentences = json::array();
  for (const auto& s : r.sentences) {
    json sentence = SentenceJson(s);
    json requirements = json::array(), conditions = json::array();
    for (const auto& q : r.requirements)
      if (q.sentence_id == s.id) requirements.push_back(RequirementJson(q));
    for (const auto& c : r.licence_conditions)
      if (c.sentence_id == s.id) conditions.push_back(LicenceConditionJson(c));
    sentence["requirements"] = std::move(requirements);
    sentence["licence_conditions"] = std::move(conditions);
    sentences.push_back(std::move(sentence));
  }
  out["sentences"] = std::move(sentences);
  return out;
}

json AllocationJson(const cases::Allocation& a) {
  return {{"id", a.id},
          {"team_code", a.team_code},
          {"officer", Officer(a.staff_id, a.staff_name)},
          {"from", FormatUtc(a.from)},
          {"allocated_by", a.allocated_by},
          {"reason", a.reason}};
}

std::string EncodePeopleCursor(const cases::PeopleCursor& c) {
  return EncodeBase64Url(json::array({c.last_name, c.first_name, c.crn}).dump());
}

std::optional<cases::PeopleCursor> DecodePeopleCursor(std::string_view text) {
  const auto raw = DecodeBase64Url(text, 1200);
  if (!raw) return std::nullopt;
  auto parsed = json::parse(*raw, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array() || parsed.size() != 3) return std::nullopt;
  for (const auto& part : parsed)
    if (!part.is_string()) return std::nullopt;
  return cases::PeopleCursor{parsed[0].get<std::string>(), parsed[1].get<std::string>(),
                             parsed[2].get<std::string>()};
}

}  // namespace probity::web
