#include "gen/generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <random>
#include <span>
#include <string_view>

#include "calendar/working_days.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"

namespace probity::gen {

namespace {
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// --- Deterministic draws. std::*_distribution differ between standard libraries, so every draw
// is made here from the engine's raw 64-bit output.

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr uint64_t kOrgStream = 0x6f72672d73747265ULL;     // "org-stre"
constexpr uint64_t kPersonStream = 0x706572736f6e2d31ULL;  // "person-1"

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  uint64_t Next() { return engine_(); }
  // Uniform in [0, n), n > 0, without modulo bias.
  uint64_t Below(uint64_t n) {
    const uint64_t limit =
        std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % n;
    uint64_t x = Next();
    while (x >= limit) x = Next();
    return x % n;
  }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(hi - lo + 1)); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <class T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// A code and its weight in a mix.
struct Weighted {
  std::string_view code;
  int weight;
};

std::string_view Draw(Rng& rng, std::span<const Weighted> mix) {
  int total = 0;
  for (const auto& w : mix) total += w.weight;
  int at = static_cast<int>(rng.Below(total));
  for (const auto& w : mix) {
    if (at < w.weight) return w.code;
    at -= w.weight;
  }
  return mix.back().code;
}

int DrawInt(Rng& rng, std::span<const std::pair<int, int>> mix) {  // (value, weight)
  int total = 0;
  for (const auto& [v, w] : mix) total += w;
  int at = static_cast<int>(rng.Below(total));
  for (const auto& [v, w] : mix) {
    if (at < w) return v;
    at -= w;
  }
  return mix.back().first;
}

// --- Built-in name lists (common in England and Wales). ---

constexpr std::array<std::string_view, 64> kMaleFirst = {
    "James",    "John",    "Robert",  "Michael", "David",    "William", "Richard", "Thomas",
    "Daniel",   "Paul",    "Mark",    "Steven",  "Andrew",   "Kevin",   "Brian",   "George",
    "Jason",    "Ryan",    "Gary",    "Jacob",   "Nicholas", "Eric",    "Jack",    "Stephen",
    "Jamie",    "Scott",   "Lee",     "Craig",   "Dean",     "Wayne",   "Darren",  "Shane",
    "Liam",     "Connor",  "Callum",  "Kyle",    "Jordan",   "Lewis",   "Nathan",  "Adam",
    "Luke",     "Harry",   "Charlie", "Oliver",  "Joshua",   "Aaron",   "Ben",     "Sam",
    "Mohammed", "Ali",     "Tariq",   "Imran",   "Kwame",    "Tyrone",  "Marcus",  "Leon",
    "Reece",    "Bradley", "Ashley",  "Carl",    "Neil",     "Martin",  "Peter",   "Tony"};
constexpr std::array<std::string_view, 48> kFemaleFirst = {
    "Mary",   "Sarah",    "Emma",   "Laura",  "Rebecca",   "Gemma", "Kelly",    "Stacey",
    "Lisa",   "Claire",   "Nicola", "Donna",  "Joanne",    "Amy",   "Jade",     "Chloe",
    "Hannah", "Jessica",  "Sophie", "Lauren", "Charlotte", "Katie", "Danielle", "Leanne",
    "Tracey", "Michelle", "Karen",  "Helen",  "Rachel",    "Zoe",   "Megan",    "Natalie",
    "Aisha",  "Fatima",   "Priya",  "Amina",  "Shanice",   "Kerry", "Louise",   "Victoria",
    "Anna",   "Julie",    "Carly",  "Toni",   "Abigail",   "Ellie", "Holly",    "Paige"};
constexpr std::array<std::string_view, 120> kLastNames = {
    "Smith",     "Jones",     "Williams", "Taylor",  "Brown",    "Davies",     "Evans",
    "Wilson",    "Thomas",    "Johnson",  "Roberts", "Robinson", "Thompson",   "Wright",
    "Walker",    "White",     "Edwards",  "Hughes",  "Green",    "Hall",       "Lewis",
    "Harris",    "Clarke",    "Patel",    "Jackson", "Wood",     "Turner",     "Martin",
    "Cooper",    "Hill",      "Ward",     "Morris",  "Moore",    "Clark",      "Lee",
    "King",      "Baker",     "Harrison", "Morgan",  "Allen",    "James",      "Scott",
    "Phillips",  "Watson",    "Davis",    "Parker",  "Price",    "Bennett",    "Young",
    "Griffiths", "Mitchell",  "Kelly",    "Cook",    "Carter",   "Richardson", "Bailey",
    "Collins",   "Bell",      "Shaw",     "Murphy",  "Miller",   "Cox",        "Richards",
    "Khan",      "Marshall",  "Anderson", "Simpson", "Ellis",    "Adams",      "Singh",
    "Begum",     "Wilkinson", "Foster",   "Chapman", "Powell",   "Webb",       "Rogers",
    "Gray",      "Mason",     "Ali",      "Hunt",    "Hussain",  "Campbell",   "Matthews",
    "Owen",      "Palmer",    "Holmes",   "Mills",   "Barnes",   "Knight",     "Lloyd",
    "Butler",    "Russell",   "Barker",   "Fisher",  "Stevens",  "Jenkins",    "Murray",
    "Dixon",     "Harvey",    "Graham",   "Pearson", "Ahmed",    "Fletcher",   "Walsh",
    "Kaur",      "Gibson",    "Howard",   "Andrews", "Stewart",  "Elliott",    "Reynolds",
    "Saunders",  "Payne",     "Fox",      "Ford",    "Pearce",   "Day",        "Brooks",
    "Okafor"};
constexpr std::array<std::string_view, 12> kRegionNames = {"North East",
                                                           "North West",
                                                           "Yorkshire and the Humber",
                                                           "East Midlands",
                                                           "West Midlands",
                                                           "East of England",
                                                           "London",
                                                           "Kent, Surrey and Sussex",
                                                           "South West",
                                                           "South Central",
                                                           "Wales",
                                                           "Greater Manchester"};
constexpr std::array<std::string_view, 100> kTowns = {
    "Newcastle",   "Sunderland",   "Gateshead",    "Durham",        "Middlesbrough", "Darlington",
    "Hartlepool",  "Carlisle",     "Preston",      "Blackpool",     "Blackburn",     "Burnley",
    "Lancaster",   "Liverpool",    "Wirral",       "Warrington",    "Chester",       "Crewe",
    "Bolton",      "Wigan",        "Oldham",       "Rochdale",      "Stockport",     "Salford",
    "Bury",        "Leeds",        "Bradford",     "Wakefield",     "Huddersfield",  "Halifax",
    "Sheffield",   "Rotherham",    "Doncaster",    "Barnsley",      "Hull",          "York",
    "Scarborough", "Grimsby",      "Scunthorpe",   "Lincoln",       "Nottingham",    "Mansfield",
    "Derby",       "Chesterfield", "Leicester",    "Loughborough",  "Northampton",   "Kettering",
    "Corby",       "Birmingham",   "Coventry",     "Wolverhampton", "Walsall",       "Dudley",
    "Stoke",       "Telford",      "Shrewsbury",   "Worcester",     "Hereford",      "Norwich",
    "Ipswich",     "Cambridge",    "Peterborough", "Luton",         "Bedford",       "Chelmsford",
    "Colchester",  "Southend",     "Stevenage",    "Watford",       "Croydon",       "Lambeth",
    "Hackney",     "Camden",       "Ealing",       "Brent",         "Newham",        "Lewisham",
    "Maidstone",   "Canterbury",   "Brighton",     "Crawley",       "Guildford",     "Hastings",
    "Bristol",     "Plymouth",     "Exeter",       "Gloucester",    "Swindon",       "Taunton",
    "Bournemouth", "Southampton",  "Portsmouth",   "Reading",       "Oxford",        "Cardiff",
    "Swansea",     "Newport",      "Wrexham",      "Bangor"};
constexpr std::array<std::string_view, 40> kStreets = {
    "High",     "Church",      "Station", "Victoria",  "Park",      "Queen",    "King",
    "Albert",   "Mill",        "New",     "London",    "Manor",     "Green",    "Grange",
    "Chapel",   "Springfield", "Windsor", "Elm",       "Oak",       "Beech",    "Ash",
    "Cedar",    "Meadow",      "Orchard", "Highfield", "Kingsway",  "York",     "Clarence",
    "Princess", "Alexandra",   "Stanley", "Brook",     "Riverside", "Hillside", "Market",
    "North",    "South",       "West",    "East",      "Castle"};
constexpr std::array<std::string_view, 8> kStreetKinds = {"Street", "Road",  "Lane", "Avenue",
                                                          "Close",  "Drive", "Way",  "Crescent"};

// --- Mixes (DESIGN section 9 and the brief: proportions of a national service). ---

constexpr Weighted kGenderMix[] = {{"male", 880}, {"female", 117}, {"other", 2}, {"not_stated", 1}};
constexpr Weighted kSentenceMix[] = {
    {"community_order", 40}, {"suspended_sentence_order", 20}, {"licence", 30}, {"pss", 10}};
constexpr Weighted kRoshMix[] = {{"low", 30}, {"medium", 50}, {"high", 18}, {"very_high", 2}};
constexpr Weighted kMappaLevelMix[] = {{"1", 80}, {"2", 17}, {"3", 3}};
constexpr Weighted kMappaCategoryMix[] = {{"1", 55}, {"2", 40}, {"3", 4}, {"4", 1}};
constexpr Weighted kOffenceMix[] = {{"violence", 22},
                                    {"robbery", 3},
                                    {"public_order", 6},
                                    {"sexual_not_child", 3},
                                    {"sexual_child", 3},
                                    {"soliciting_prostitution", 1},
                                    {"burglary_domestic", 4},
                                    {"burglary_other", 2},
                                    {"theft_non_motor", 12},
                                    {"handling_stolen_goods", 2},
                                    {"fraud_forgery", 4},
                                    {"absconding_bail", 2},
                                    {"taking_driving_away", 2},
                                    {"theft_from_vehicles", 2},
                                    {"drink_driving", 6},
                                    {"other_motoring", 5},
                                    {"criminal_damage", 5},
                                    {"drug_import_export_production", 2},
                                    {"drug_possession_supply", 10},
                                    {"other_offence", 4}};
constexpr Weighted kContactMix[] = {{"office_visit", 34},
                                    {"phone_call", 18},
                                    {"home_visit", 7},
                                    {"text_message", 9},
                                    {"email", 6},
                                    {"video_call", 4},
                                    {"letter", 6},
                                    {"case_note", 10},
                                    {"three_way_meeting", 2},
                                    {"partnership_contact", 3},
                                    {"management_oversight", 1}};
constexpr Weighted kGradeMix[] = {{"po", 55}, {"pso", 30}, {"pqip", 15}};
constexpr std::pair<int, int> kHoursMix[] = {{37 * 60, 80}, {30 * 60, 10}, {1350, 7}, {1110, 3}};

// Complexity and other registrations, with the share of people holding each.
struct RegistrationShare {
  std::string_view type;
  double share;
};
constexpr RegistrationShare kOtherRegistrations[] = {{"domestic_abuse_perpetrator", 0.25},
                                                     {"mental_health_issues", 0.20},
                                                     {"child_concerns", 0.10},
                                                     {"child_protection", 0.08},
                                                     {"self_harm", 0.08},
                                                     {"vulnerable", 0.05},
                                                     {"care_leaver", 0.05},
                                                     {"street_gangs", 0.03},
                                                     {"adult_at_risk", 0.02},
                                                     {"restraining_order", 0.04},
                                                     {"weapons", 0.03},
                                                     {"public_interest", 0.01},
                                                     {"terrorism", 0.002}};

struct RequirementShare {
  std::string_view type;
  double share;
  std::array<int, 6> amounts;  // one is drawn
};
constexpr RequirementShare kRequirements[] = {
    {"rehabilitation_activity", 0.60, {10, 15, 20, 25, 30, 40}},
    {"unpaid_work", 0.45, {40, 60, 80, 100, 150, 200}},
    {"accredited_programme", 0.15, {19, 22, 24, 26, 28, 30}},
    {"curfew", 0.10, {1, 2, 3, 3, 4, 6}},
    {"drug_rehabilitation", 0.08, {6, 6, 9, 12, 12, 12}},
    {"alcohol_treatment", 0.05, {6, 6, 6, 9, 12, 12}},
    {"alcohol_abstinence", 0.04, {1, 2, 2, 3, 4, 4}},
    {"mental_health_treatment", 0.03, {6, 6, 9, 12, 12, 12}},
    {"exclusion", 0.03, {3, 6, 6, 9, 12, 12}},
    {"prohibited_activity", 0.02, {6, 6, 12, 12, 18, 24}},
    {"residence", 0.02, {3, 6, 6, 6, 9, 12}},
    {"attendance_centre", 0.01, {12, 12, 18, 24, 30, 36}}};

constexpr std::string_view kAdditionalConditions[] = {
    "Not to contact the victim directly or indirectly",
    "To reside at an address approved by the supervising officer",
    "To comply with a curfew from 19:00 to 07:00 at the approved address",
    "Not to enter the exclusion zone shown on the map provided",
    "To attend drug testing as directed",
    "To comply with electronic monitoring",
    "To disclose any developing relationship to the supervising officer",
    "Not to own or use more than one mobile phone without approval",
    "To attend appointments with a mental health worker as directed",
    "Not to have unsupervised contact with children under 18"};

struct NeedMix {
  std::string_view need;
  std::array<int, 3> weights;  // none, standard, severe
};
constexpr NeedMix kNeedMix[] = {
    {"accommodation", {55, 30, 15}},     {"education_training_employment", {45, 40, 15}},
    {"finance", {50, 40, 10}},           {"relationships", {45, 40, 15}},
    {"lifestyle", {40, 45, 15}},         {"drugs", {50, 30, 20}},
    {"alcohol", {60, 28, 12}},           {"thinking_behaviour", {25, 50, 25}},
    {"attitudes", {40, 45, 15}},         {"mental_health", {60, 30, 10}},
    {"learning_difficulty", {85, 12, 3}}};
constexpr std::string_view kSeverities[] = {"none", "standard", "severe"};

std::string_view OffenceText(Rng& rng, std::string_view group) {
  struct Texts {
    std::string_view group;
    std::array<std::string_view, 3> texts;
  };
  static constexpr Texts kTexts[] = {
      {"violence", {"Assault occasioning actual bodily harm", "Common assault", "Affray"}},
      {"robbery", {"Robbery", "Attempted robbery", "Assault with intent to rob"}},
      {"public_order", {"Threatening behaviour", "Harassment", "Using threatening words"}},
      {"sexual_not_child", {"Sexual assault", "Exposure", "Voyeurism"}},
      {"sexual_child",
       {"Sexual activity with a child", "Possession of indecent images", "Making indecent images"}},
      {"soliciting_prostitution", {"Soliciting", "Kerb crawling", "Loitering for prostitution"}},
      {"burglary_domestic",
       {"Burglary (dwelling)", "Attempted burglary (dwelling)", "Aggravated burglary"}},
      {"burglary_other",
       {"Burglary (non-dwelling)", "Burglary of commercial premises",
        "Going equipped for burglary"}},
      {"theft_non_motor", {"Theft from a shop", "Theft from the person", "Theft by employee"}},
      {"handling_stolen_goods",
       {"Handling stolen goods", "Receiving stolen goods", "Retaining stolen goods"}},
      {"fraud_forgery",
       {"Fraud by false representation", "Benefit fraud", "Possession of a false document"}},
      {"absconding_bail",
       {"Failing to surrender to bail", "Breach of bail conditions", "Absconding from custody"}},
      {"taking_driving_away",
       {"Taking a vehicle without consent", "Aggravated vehicle taking",
        "Allowing oneself to be carried"}},
      {"theft_from_vehicles",
       {"Theft from a motor vehicle", "Vehicle interference", "Theft of a catalytic converter"}},
      {"drink_driving",
       {"Driving with excess alcohol", "Failing to provide a specimen", "Drug driving"}},
      {"other_motoring",
       {"Driving while disqualified", "Dangerous driving", "Driving without insurance"}},
      {"criminal_damage", {"Criminal damage", "Arson", "Racially aggravated criminal damage"}},
      {"drug_import_export_production",
       {"Production of cannabis", "Importation of a class A drug", "Cultivation of cannabis"}},
      {"drug_possession_supply",
       {"Possession with intent to supply", "Possession of a class A drug",
        "Supplying a class B drug"}},
      {"other_offence",
       {"Breach of a restraining order", "Possession of an offensive weapon",
        "Perverting the course of justice"}},
  };
  for (const auto& t : kTexts)
    if (t.group == group) return t.texts[rng.Below(t.texts.size())];
  return "Other offence";
}

constexpr std::string_view kTopics[] = {
    "Discussed accommodation; currently staying with family.",
    "Reviewed progress on the sentence plan.",
    "Discussed employment; has an interview next week.",
    "Reports reduced drinking since the last appointment.",
    "Completed a session on consequential thinking.",
    "Discussed relationships and the victim awareness work.",
    "Reports stable mood; engaging with the GP.",
    "Discussed finances and a referral for debt advice.",
    "Unpaid work hours reviewed; attending as instructed.",
    "Discussed triggers for offending and coping strategies.",
    "Drug test negative; continues with the treatment provider.",
    "Discussed compliance and the conditions of the order.",
    "Reports a new address; checks to follow.",
    "Discussed family contact and child arrangements.",
    "Worked through the thinking skills exercise.",
    "Reviewed the risk management plan; no new concerns.",
    "Discussed peers and avoiding previous associates.",
    "Training course enrolment confirmed.",
    "Reports difficulty sleeping; advised to see the GP.",
    "Discussed anger management and the last incident."};
constexpr std::string_view kAgencies[] = {"the local authority housing team",
                                          "the drug and alcohol service",
                                          "the community mental health team",
                                          "children's services",
                                          "the police offender management unit",
                                          "Jobcentre Plus",
                                          "the accredited programmes team",
                                          "a women's centre",
                                          "the approved premises",
                                          "the unpaid work team"};

// --- Dates and instants. ---

Date Days(Date d, int n) { return d + days{n}; }

// The last day anything happens on.
Date LatestDay() { return Days(AsOf(), -1); }

Date DayBetween(Rng& rng, Date a, Date b) {
  if (b <= a) return a;
  return Days(a, static_cast<int>(rng.Below((b - a).count() + 1)));
}

// A weekday on or near `d` (never after LatestDay()).
Date Weekday(Date d) {
  const std::chrono::weekday wd{d};
  if (wd == std::chrono::Saturday) d = Days(d, 2);
  if (wd == std::chrono::Sunday) d = Days(d, 1);
  while (d > LatestDay()) d = Days(d, -1);
  while (std::chrono::weekday{d} == std::chrono::Saturday ||
         std::chrono::weekday{d} == std::chrono::Sunday)
    d = Days(d, -1);
  return d;
}

// An instant in working hours (09:00 to 17:00) on a weekday near `d`.
UtcTime WorkTime(Rng& rng, Date d) {
  UtcTime t = Weekday(d);
  return t + hours{9} + minutes{rng.Below(8 * 60)} + seconds{rng.Below(60)};
}

UtcTime At(Date d, int hour, int minute) { return UtcTime(d) + hours{hour} + minutes{minute}; }

std::string Two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (c == ' ' ? '.' : c);
  return out;
}

std::string Postcode(Rng& rng) {
  std::string p;
  p += static_cast<char>('A' + rng.Below(26));
  p += static_cast<char>('A' + rng.Below(26));
  p += std::to_string(rng.Between(1, 29));
  p += ' ';
  p += std::to_string(rng.Between(1, 9));
  p += static_cast<char>('A' + rng.Below(26));
  p += static_cast<char>('A' + rng.Below(26));
  return p;
}

std::string StreetAddress(Rng& rng) {
  return std::to_string(rng.Between(1, 220)) + " " +
         std::string(rng.Pick<std::string_view>(kStreets)) + " " +
         std::string(rng.Pick<std::string_view>(kStreetKinds));
}

std::string TownOf(int index) {
  std::string town(kTowns[index % kTowns.size()]);
  if (index >= static_cast<int>(kTowns.size()))
    town += " " + std::to_string(index / kTowns.size() + 1);
  return town;
}

// --- The organisation. ---

access::Grade GradeOf(std::string_view code) {
  if (code == "pso") return access::Grade::kPso;
  if (code == "pqip") return access::Grade::kPqip;
  return access::Grade::kPo;
}

access::Staff NewStaff(Rng& rng, access::Grade grade, const std::string& team_code) {
  access::Staff s;
  const bool female = rng.Chance(0.7);
  s.name = std::string(female ? rng.Pick<std::string_view>(kFemaleFirst)
                              : rng.Pick<std::string_view>(kMaleFirst)) +
           " " + std::string(rng.Pick<std::string_view>(kLastNames));
  s.grade = grade;
  s.contracted_minutes = DrawInt(rng, kHoursMix);
  const Date latest = LatestDay();
  if (grade == access::Grade::kPqip) {
    s.start_date = FormatDate(DayBetween(rng, Days(latest, -540), Days(latest, -30)));
  } else {
    const Date start = DayBetween(rng, Days(latest, -25 * 365), Days(latest, -60));
    s.start_date = FormatDate(start);
    if (grade == access::Grade::kPo) {
      // One in ten is newly qualified (within nine months).
      const Date qualified = rng.Chance(0.1) ? DayBetween(rng, Days(latest, -270), latest)
                                             : DayBetween(rng, start, Days(start, 730));
      s.qualified_on = FormatDate(std::min(std::max(qualified, start), latest));
    }
  }
  s.team_codes = {team_code};
  return s;
}

// Teams of 8 to 12; when what is left cannot make two such teams, it is split in two halves.
int TeamSize(Rng& rng, int64_t remaining) {
  if (remaining <= 12) return static_cast<int>(remaining);
  const int size = rng.Between(8, 12);
  if (remaining - size < 8) return static_cast<int>(remaining / 2);
  return size;
}

// --- People. ---

std::string Crn(uint64_t n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%06u", static_cast<char>('A' + n / 1'000'000),
                static_cast<unsigned>(n % 1'000'000));
  return buf;
}

struct Risk {
  std::string rosh;
  std::optional<std::string> mappa_level;
};

int ProtectPoints(Rng& rng, const GenPerson& p, const Risk& risk) {
  // Shared reference risk.md: RSR, ROSH, MAPPA, complexity, and for women three more factors.
  const double u = rng.Unit();
  const int rsr = u < 0.60 ? 0 : (u < 0.88 ? 10 : 20);
  const int rosh = risk.rosh == "very_high" ? 150
                   : risk.rosh == "high"    ? 20
                   : risk.rosh == "medium"  ? 10
                                            : 0;
  int points = rsr + rosh - std::min(rsr, rosh);
  if (risk.mappa_level) points += *risk.mappa_level == "1" ? 5 : 150;
  for (const auto& r : p.registrations)
    if (cases::IsComplexityRegistration(r.type)) points += 2;
  if (p.details.gender == "female") {
    for (const auto& r : p.registrations)
      if (r.type == "parental_responsibilities" || r.type == "impulsivity_temper") points += 2;
    for (const auto& s : p.sentences)
      if (s.sentence.termination_reason == "revoked_resentenced") {
        points += 2;
        break;
      }
  }
  return points;
}

int ChangeLevel(Rng& rng, const GenPerson& p) {
  const auto& current = p.sentences.back();
  const bool licence = current.sentence.kind == "licence" || current.sentence.kind == "pss";
  bool mandate = licence;
  for (const auto& r : current.requirements)
    if (r.type != "unpaid_work") mandate = true;
  if (!mandate) return 0;
  if (p.needs.empty()) return 2;
  int points = 0;
  for (const auto& n : p.needs) {
    const int severity = n.severity == "severe" ? 2 : (n.severity == "standard" ? 1 : 0);
    int weight = 0;
    if (n.need == "thinking_behaviour" || n.need == "attitudes") weight = 2;
    if (n.need == "accommodation" || n.need == "education_training_employment" ||
        n.need == "relationships" || n.need == "lifestyle" || n.need == "drugs" ||
        n.need == "alcohol")
      weight = 1;
    points += weight * severity;
  }
  points += rng.Between(5, 95) / 10;  // OGRS3 2-year %, by tens
  if (p.details.iom) points += 2;
  return points >= 20 ? 3 : (points >= 10 ? 2 : 1);
}

GenSentence CurrentSentence(Rng& rng, std::string_view kind, std::string_view offence_group,
                            const std::string& town) {
  GenSentence g;
  cases::Sentence& s = g.sentence;
  s.kind = std::string(kind);
  s.offence_group = std::string(offence_group);
  s.offence = std::string(OffenceText(rng, offence_group));
  const Date latest = LatestDay();
  if (kind == "community_order" || kind == "suspended_sentence_order") {
    static constexpr std::pair<int, int> kCo[] = {{12, 35}, {18, 15}, {24, 35}, {36, 15}};
    static constexpr std::pair<int, int> kSso[] = {{12, 30}, {18, 20}, {24, 50}};
    s.length_months = kind == "community_order" ? DrawInt(rng, kCo) : DrawInt(rng, kSso);
    const Date date =
        Weekday(Days(latest, -static_cast<int>(rng.Below(s.length_months * 30 - 14))));
    s.sentence_date = FormatDate(date);
    s.expected_end = FormatDate(AddMonths(date, s.length_months));
    s.court = town + (rng.Chance(0.7) ? " Magistrates' Court" : " Crown Court");
  } else {
    static constexpr std::pair<int, int> kLicence[] = {
        {6, 20}, {12, 30}, {18, 20}, {24, 20}, {36, 10}};
    const int supervised = kind == "licence" ? DrawInt(rng, kLicence) : 12;
    const Date release = Weekday(Days(latest, -static_cast<int>(rng.Below(supervised * 30 - 14))));
    const int served = kind == "licence" ? rng.Between(2, 48) : rng.Between(1, 11);
    const Date date = Weekday(AddMonths(release, -served));
    s.sentence_date = FormatDate(date);
    s.length_months = served * 2;
    s.release_date = FormatDate(release);
    const Date end = AddMonths(release, supervised);
    if (kind == "licence") s.licence_end = FormatDate(end);
    s.expected_end = FormatDate(end);
    s.court = town + " Crown Court";
  }
  return g;
}

Date SupervisionStart(const cases::Sentence& s) {
  return *ParseDate(s.release_date.value_or(s.sentence_date));
}

void AddRequirements(Rng& rng, GenSentence& g) {
  const Date start = *ParseDate(g.sentence.sentence_date);
  const int wanted = DrawInt(rng, std::array<std::pair<int, int>, 3>{{{1, 50}, {2, 35}, {3, 15}}});
  for (int attempt = 0; attempt < 40 && static_cast<int>(g.requirements.size()) < wanted;
       ++attempt) {
    const auto& r = kRequirements[rng.Below(std::size(kRequirements))];
    if (!rng.Chance(r.share)) continue;
    if (std::any_of(g.requirements.begin(), g.requirements.end(),
                    [&](const cases::Requirement& x) { return x.type == r.type; }))
      continue;
    cases::Requirement q;
    q.type = std::string(r.type);
    q.amount = r.amounts[rng.Below(r.amounts.size())];
    q.unit = std::string(cases::RequirementUnit(r.type));
    q.start_date = FormatDate(start);
    g.requirements.push_back(std::move(q));
  }
  if (g.requirements.empty()) {
    cases::Requirement q;
    q.type = "rehabilitation_activity";
    q.amount = 20;
    q.unit = "days";
    q.start_date = FormatDate(start);
    g.requirements.push_back(std::move(q));
  }
}

void AddConditions(Rng& rng, GenSentence& g) {
  const std::string start = *g.sentence.release_date;
  cases::LicenceCondition standard;
  standard.type = "standard";
  standard.description =
      g.sentence.kind == "pss"
          ? "Post-sentence supervision requirements: keep in touch as instructed and be of good "
            "behaviour"
          : "Standard licence conditions: be of good behaviour, keep in touch, reside at an "
            "approved address";
  standard.start_date = start;
  g.conditions.push_back(std::move(standard));
  if (g.sentence.kind == "pss") return;
  const int additional = rng.Between(0, 4);
  for (int i = 0; i < additional; ++i) {
    const auto text = kAdditionalConditions[rng.Below(std::size(kAdditionalConditions))];
    if (std::any_of(g.conditions.begin(), g.conditions.end(),
                    [&](const cases::LicenceCondition& c) { return c.description == text; }))
      continue;
    cases::LicenceCondition c;
    c.type = "additional";
    c.description = std::string(text);
    c.start_date = start;
    g.conditions.push_back(std::move(c));
  }
  if (rng.Chance(0.1)) {
    cases::LicenceCondition c;
    c.type = "bespoke";
    c.description = "Not to attend football matches at the local ground";
    c.start_date = start;
    g.conditions.push_back(std::move(c));
  }
}

std::string ContactNote(Rng& rng, std::string_view type, const std::string& first_name,
                        bool induction) {
  const std::string topic(rng.Pick<std::string_view>(kTopics));
  const std::string agency(rng.Pick<std::string_view>(kAgencies));
  if (induction)
    return "Induction completed with " + first_name +
           ": expectations of the order explained, contact details confirmed.";
  if (type == "office_visit")
    return "Reported as instructed. " + topic + " Next appointment booked.";
  if (type == "home_visit") return "Home visit completed; address checked. " + topic;
  if (type == "phone_call") return "Phoned " + first_name + ". " + topic;
  if (type == "video_call") return "Video appointment. " + topic;
  if (type == "text_message") return "Appointment reminder sent by text.";
  if (type == "email") return "Email sent to " + first_name + " confirming the next appointment.";
  if (type == "letter") return "Appointment letter sent to the main address.";
  if (type == "three_way_meeting") return "Three-way meeting with " + agency + ". " + topic;
  if (type == "partnership_contact") return "Spoke to " + agency + ". " + topic;
  if (type == "management_oversight")
    return "Case reviewed in supervision; the risk management plan remains appropriate.";
  return topic;
}

// --- Appointments: the induction, then supervision over the last months, and the next one. ---

// Days before AsOf() over which supervision appointments are generated (about four months).
constexpr int kAppointmentWindowDays = 105;

const calendar::WorkingCalendar& Calendar() {
  static const calendar::WorkingCalendar calendar;
  return calendar;
}

Date WorkingDayFrom(Date d) {
  while (!Calendar().IsWorkingDay(d)) d = Days(d, 1);
  return d;
}

Date WorkingDayBefore(Date d) {
  do d = Days(d, -1);
  while (!Calendar().IsWorkingDay(d));
  return d;
}

// The instant of UK wall-clock time `minute` minutes after midnight on `d` (daytime: never in
// the hour the clocks skip).
UtcTime UkAt(Date d, int minute) { return *UkLocalToUtc(UtcTime(d) + minutes{minute}); }

// A start on the quarter hour, 09:00 to 16:30.
int StartMinute(Rng& rng) { return 9 * 60 + 15 * rng.Between(0, 30); }

constexpr Weighted kAppointmentMix[] = {
    {"supervision", 84}, {"home_visit", 9}, {"phone_call", 4}, {"video_call", 3}};
// How often a person fails (any failure: absent, failed to comply, sent home): most rarely, some
// often, a few most of the time: about 12% of appointments over all, so that about one sentence
// in seven has two or more unacceptable failures.
constexpr std::pair<int, int> kFailurePercentMix[] = {{4, 73}, {19, 17}, {66, 10}};
constexpr Weighted kFailureMix[] = {
    {"failed_to_attend", 72}, {"attended_failed_to_comply", 16}, {"sent_home", 12}};
constexpr Weighted kAcceptableReasonMix[] = {{"illness", 30},
                                             {"medical_appointment", 15},
                                             {"employment", 12},
                                             {"caring_responsibility", 10},
                                             {"bereavement_emergency", 5},
                                             {"court_or_custody", 4},
                                             {"religious_observance", 1},
                                             {"travel_disruption", 8},
                                             {"service_error", 5},
                                             {"other", 10}};

struct Reason {
  std::string_view requested_by;
  std::string_view text;
};
constexpr Reason kRearrangeReasons[] = {{"person", "Job interview at the same time"},
                                        {"person", "Hospital appointment that day"},
                                        {"person", "Childcare fell through"},
                                        {"person", "Attending a funeral"},
                                        {"person", "Starting a new job that week"},
                                        {"service", "Officer on a training course"},
                                        {"service", "Officer off sick"},
                                        {"service", "Officer needed at court"},
                                        {"service", "Office closed for maintenance"}};

std::string FailureNote(std::string_view outcome, const std::optional<std::string>& reason,
                        std::string_view type) {
  if (outcome == "attended_failed_to_comply")
    return type == "unpaid_work" ? "Arrived late and refused the task set by the supervisor."
                                 : "Attended but would not engage with the session; behaviour "
                                   "discussed and the expectations of the order repeated.";
  if (outcome == "sent_home")
    return type == "unpaid_work" ? "Sent home from the project: no suitable footwear."
                                 : "Sent home: appeared to be under the influence of alcohol.";
  if (!reason)
    return "Did not attend and has not been in touch. Letter sent asking for an explanation.";
  if (*reason == "illness") return "Phoned that morning: unwell. GP note to follow.";
  if (*reason == "medical_appointment") return "Hospital appointment letter seen.";
  if (*reason == "employment") return "Shift rota from the employer seen; could not be released.";
  if (*reason == "caring_responsibility") return "Child unwell and no other carer available.";
  if (*reason == "bereavement_emergency") return "Family emergency; confirmed by the partner.";
  if (*reason == "court_or_custody") return "Attending court that day as a witness.";
  if (*reason == "travel_disruption") return "Buses cancelled; phoned before the appointment.";
  if (*reason == "service_error") return "The appointment letter went to the previous address.";
  return "Explained the absence by phone the same day; accepted.";
}

// The amendment of `was` (a correction, about 1% of outcomes): an unacceptable absence found
// acceptable on evidence, an acceptable one found unacceptable, an attendance recorded against
// the wrong appointment, or a note corrected.
GenOutcome Amendment(Rng& rng, const GenOutcome& was, std::string_view type) {
  GenOutcome next = was;
  next.amendment_reason.reset();
  next.instructed_by.reset();
  auto correct_note = [&] {
    next.note = was.note.empty() ? "Attended as instructed." : was.note + " Note corrected.";
    next.amendment_reason = "The note was incomplete";
  };
  if (was.judgement == "unacceptable") {
    if (rng.Chance(0.6)) {
      next.judgement = "acceptable";
      next.judgement_reason = rng.Chance(0.6) ? "illness" : "medical_appointment";
      next.note = "Evidence of the reason seen after the appointment: " +
                  FailureNote(was.outcome, next.judgement_reason, type);
      next.amendment_reason = "Evidence of the reason for the absence received afterwards";
    } else {
      correct_note();
    }
  } else if (was.judgement == "acceptable") {
    if (rng.Chance(0.5)) {
      next.judgement = "unacceptable";
      next.judgement_reason.reset();
      next.note = "The reason given could not be verified. " + was.note;
      next.amendment_reason = "The reason given could not be verified";
    } else {
      correct_note();
    }
  } else if (rng.Chance(0.5)) {
    next.outcome = "failed_to_attend";
    next.judgement = "unacceptable";
    next.judgement_reason.reset();
    next.note = "Did not attend: the attendance was recorded against the wrong appointment.";
    next.amendment_reason = "Recorded against the wrong appointment";
  } else {
    correct_note();
  }
  return next;
}

void AddAppointments(Rng& rng, const GenOrg& org, GenPerson& p) {
  const GenTeam& team = org.teams[p.team];
  const GenSentence& current = p.sentences.back();
  const cases::Sentence& s = current.sentence;
  const bool licence = s.kind == "licence" || s.kind == "pss";
  const Date start = SupervisionStart(s);
  const Date ends = *ParseDate(s.expected_end);
  const UtcTime as_of(AsOf());
  const int holder = p.officer ? *p.officer : team.manager;
  std::optional<int> unpaid_work;
  for (size_t i = 0; i < current.requirements.size(); ++i)
    if (current.requirements[i].type == "unpaid_work") unpaid_work = static_cast<int>(i);
  const double failure = DrawInt(rng, kFailurePercentMix) / 100.0;

  // The days: the induction within 5 working days of sentence (1 of release), now and then late;
  // then weekly for the first 12 weeks, fortnightly after, over the window; the first on or after
  // AsOf() is the one booked ahead, and the last.
  const int after = licence ? (rng.Chance(0.92) ? rng.Between(0, 1) : rng.Between(2, 4))
                            : (rng.Chance(0.92) ? rng.Between(1, 5) : rng.Between(6, 10));
  std::vector<Date> dates{WorkingDayFrom(*Calendar().AddWorkingDays(start, after))};
  const Date window = Days(AsOf(), -kAppointmentWindowDays);
  const Date weekly_until = Days(start, 84);
  for (Date t = Days(dates.front(), 7); dates.back() < AsOf();
       t = Days(t, t < weekly_until ? 7 : 14)) {
    const Date day = WorkingDayFrom(rng.Chance(0.2) ? Days(t, rng.Between(1, 2)) : t);
    if (day >= ends) break;
    if (day >= window && day > dates.back()) dates.push_back(day);
  }
  if (dates.front() >= ends) return;

  UtcTime last_end{};
  for (size_t i = 0; i < dates.size(); ++i) {
    const Date day = dates[i];
    GenAppointment a;
    a.staff = holder;
    a.type = i == 0                            ? "initial"
             : unpaid_work && rng.Chance(0.35) ? "unpaid_work"
                                               : std::string(Draw(rng, kAppointmentMix));
    int minute = StartMinute(rng);
    if (a.type == "initial") {
      a.duration_minutes = 60;
    } else if (a.type == "supervision") {
      a.duration_minutes =
          DrawInt(rng, std::array<std::pair<int, int>, 3>{{{30, 25}, {45, 45}, {60, 30}}});
    } else if (a.type == "home_visit") {
      a.duration_minutes = rng.Chance(0.5) ? 45 : 60;
      a.location = p.address.line1 + (p.address.line2 ? ", " + *p.address.line2 : "") + ", " +
                   p.address.town;
    } else if (a.type == "phone_call") {
      a.duration_minutes = rng.Chance(0.5) ? 15 : 30;
      a.location = "By phone";
    } else if (a.type == "video_call") {
      a.duration_minutes = rng.Chance(0.5) ? 30 : 45;
      a.location = "By video call";
    } else {  // unpaid_work: a working day at a project
      a.duration_minutes = 420;
      minute = 9 * 60;
      a.requirement = unpaid_work;
      a.location = "Community Payback project, " + p.address.town;
    }
    a.starts_at = UkAt(day, minute);

    // Booked: the induction by the team's administrator when the sentence came in (a few days
    // before release for a licence); the others by the officer at the end of the one before, or
    // a week or so ahead when there was none lately. Always before AsOf().
    if (i == 0) {
      a.booked_by = team.administrator;
      a.booked_at = licence
                        ? UkAt(WorkingDayBefore(Days(start, -rng.Between(2, 9))), StartMinute(rng))
                        : current.added_at + minutes{rng.Between(5, 60)};
      a.booked_at = std::max(a.booked_at, current.added_at + minutes{5});
    } else {
      a.booked_by = holder;
      if (a.starts_at - last_end <= days{21}) {
        a.booked_at = last_end + minutes{rng.Between(2, 20)};
      } else {
        a.booked_at = UkAt(WorkingDayBefore(Days(day, -rng.Between(5, 8))), StartMinute(rng));
        if (a.booked_at >= as_of) a.booked_at = UkAt(WorkingDayBefore(AsOf()), StartMinute(rng));
        a.booked_at = std::max(a.booked_at, current.added_at + minutes{5});
      }
    }
    p.appointments.push_back(std::move(a));
    int held = static_cast<int>(p.appointments.size()) - 1;
    if (p.appointments[held].starts_at >= as_of) break;  // the one booked ahead

    // Rearranged before it happened (about 3%), to a day before the next one.
    if (rng.Chance(0.035)) {
      GenAppointment& original = p.appointments[held];
      const Reason& why = kRearrangeReasons[rng.Below(std::size(kRearrangeReasons))];
      const Date moved_to = *Calendar().AddWorkingDays(day, rng.Between(1, 3));
      const UtcTime new_start =
          UkAt(moved_to, original.type == "unpaid_work" ? 9 * 60 : StartMinute(rng));
      UtcTime at = UkAt(WorkingDayBefore(Days(day, -rng.Between(0, 2))), StartMinute(rng));
      if (at <= original.booked_at) at = original.booked_at + minutes{rng.Between(30, 240)};
      const bool before_next = i + 1 == dates.size() || moved_to < dates[i + 1];
      if (before_next && new_start < as_of && at < original.starts_at - minutes{30}) {
        GenAppointment replacement = original;
        original.rearranged_to = held + 1;
        original.rearrange_requested_by = std::string(why.requested_by);
        original.rearrange_reason = std::string(why.text);
        original.rearranged_by = rng.Chance(0.7) ? holder : team.administrator;
        original.rearranged_at = at;
        replacement.rearranged_from = held;
        replacement.starts_at = new_start;
        replacement.booked_by = original.rearranged_by;
        replacement.booked_at = at;
        p.appointments.push_back(std::move(replacement));
        ++held;
      }
    }

    // Its outcome, recorded after it ended (now and then the next working day); one that would be
    // recorded after AsOf() is still awaiting it.
    GenAppointment& a_held = p.appointments[held];
    last_end = a_held.starts_at + minutes{a_held.duration_minutes};
    GenOutcome o;
    o.recorded_by =
        rng.Chance(0.92) ? holder : team.practitioners[rng.Below(team.practitioners.size())];
    o.recorded_at = rng.Chance(0.85) ? last_end + minutes{rng.Between(5, 180)}
                                     : UkAt(WorkingDayFrom(Days(UkDateOf(a_held.starts_at), 1)),
                                            StartMinute(rng));
    if (rng.Chance(a_held.type == "initial" ? failure / 2 : failure)) {
      o.outcome = std::string(Draw(rng, kFailureMix));
      if (a_held.location && a_held.type != "unpaid_work" && o.outcome == "sent_home")
        o.outcome = "failed_to_attend";  // nobody is sent home from their own home or a call
      if (rng.Chance(0.4)) {
        o.judgement = "acceptable";
        o.judgement_reason = std::string(Draw(rng, kAcceptableReasonMix));
      } else {
        o.judgement = "unacceptable";
      }
      o.note = FailureNote(o.outcome, o.judgement_reason, a_held.type);
    } else {
      o.outcome = "attended_complied";
      if (a_held.type == "initial")
        o.note =
            "Induction: went through the order, its requirements and what happens if "
            "appointments are missed.";
      else if (a_held.type == "unpaid_work")
        o.note = "Worked the full session at the project.";
      else if (rng.Chance(0.8))
        o.note = std::string(rng.Pick<std::string_view>(kTopics));
    }
    if (o.recorded_at >= as_of) continue;
    a_held.outcomes.push_back(o);

    // A correction now and then, days later, sometimes on the manager's instruction.
    if (rng.Chance(0.01)) {
      GenOutcome amended = Amendment(rng, o, a_held.type);
      amended.recorded_by = holder;
      amended.recorded_at =
          UkAt(WorkingDayFrom(Days(UkDateOf(o.recorded_at), rng.Between(1, 10))), StartMinute(rng));
      if (team.manager != holder && rng.Chance(0.5)) amended.instructed_by = team.manager;
      if (amended.recorded_at < as_of) a_held.outcomes.push_back(std::move(amended));
    }
  }
}
}  // namespace

Date AsOf() { return std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}; }

UtcTime OrgRecordedAt() {
  return UtcTime(std::chrono::sys_days{std::chrono::year{2000} / 1 / 4}) + hours{8};
}

int64_t StaffFor(int64_t people) { return std::max<int64_t>(40, people * 12'000 / 250'000); }

appointments::NewAppointment BookingOf(const GenOrg& org, const GenPerson& p,
                                       const GenAppointment& a) {
  appointments::NewAppointment booking;
  booking.type = a.type;
  booking.starts_at = a.starts_at;
  booking.duration_minutes = a.duration_minutes;
  if (a.location)
    booking.location = a.location;
  else
    booking.office_code = org.offices[org.teams[p.team].pdu].code;
  return booking;
}

appointments::OutcomeInput InputOf(const GenOutcome& o) {
  return {o.outcome, o.judgement, o.judgement_reason, o.note};
}

std::string CrnOf(uint64_t seed, int64_t index) {
  constexpr uint64_t kSpace = 26'000'000;  // A000000 .. Z999999
  // An affine map n -> a*n + b (mod 26e6) is a bijection when a is coprime to 26e6 = 2^7 5^6 13.
  uint64_t a = SplitMix(seed ^ 0x63726e2d6d756c74ULL) % kSpace;
  a |= 1;
  while (a % 5 == 0 || a % 13 == 0 || a < 1000) a += 2;
  const uint64_t b = SplitMix(seed ^ 0x63726e2d6f666673ULL) % kSpace;
  return Crn((a % kSpace * (static_cast<uint64_t>(index) % kSpace) + b) % kSpace);
}

GenOrg GenerateOrg(const Options& options) {
  Rng rng(SplitMix(options.seed ^ kOrgStream));
  GenOrg org;
  const int64_t staff_total = StaffFor(options.people);
  int64_t remaining = staff_total;
  int town = static_cast<int>(rng.Below(kTowns.size()));
  while (remaining > 0) {
    const int t = static_cast<int>(org.teams.size());
    const int p = t / 10, r = p / 10;
    if (r == static_cast<int>(org.regions.size())) {
      org::Region region;
      region.code = "G" + Two(r + 1);
      region.name = r < static_cast<int>(kRegionNames.size())
                        ? std::string(kRegionNames[r]) + " (generated)"
                        : "Region " + std::to_string(r + 1) + " (generated)";
      org.regions.push_back(std::move(region));
    }
    if (p == static_cast<int>(org.pdus.size())) {
      org::Pdu pdu;
      pdu.code = org.regions[r].code + "-P" + Two(p % 10 + 1);
      pdu.name = TownOf(town++);
      pdu.region_code = org.regions[r].code;
      org.pdus.push_back(pdu);
      org::Office office;
      office.code = pdu.code + "-O1";
      office.name = pdu.name + " Probation Office";
      office.address = StreetAddress(rng) + ", " + pdu.name + " " + Postcode(rng);
      office.pdu_code = pdu.code;
      org.offices.push_back(std::move(office));
    }
    GenTeam team;
    team.pdu = p;
    team.team.code = org.pdus[p].code + "-T" + Two(t % 10 + 1);
    team.team.name = org.pdus[p].name + " Team " + std::to_string(t % 10 + 1);
    team.team.pdu_code = org.pdus[p].code;
    const int size = TeamSize(rng, remaining);
    remaining -= size;
    for (int i = 0; i < size; ++i) {
      access::Grade grade = access::Grade::kPo;
      if (i == 0)
        grade = access::Grade::kSpo;
      else if (i == 1)
        grade = access::Grade::kAdministrative;
      else if (i >= 4)
        grade = GradeOf(Draw(rng, kGradeMix));
      const int index = static_cast<int>(org.staff.size());
      org.staff.push_back({NewStaff(rng, grade, team.team.code), t});
      if (i == 0) team.manager = index;
      if (i == 1) team.administrator = index;
      if (i >= 2) {
        team.practitioners.push_back(index);
        org.practitioners.push_back(index);
      }
      if (grade == access::Grade::kPo) team.officers.push_back(index);
    }
    // A team smaller than four (only with under 40 staff in all) still needs a practitioner.
    if (team.practitioners.empty()) {
      team.practitioners.push_back(team.manager);
      team.officers.push_back(team.manager);
      org.practitioners.push_back(team.manager);
    }
    if (team.officers.empty()) team.officers.push_back(team.practitioners.front());
    org.teams.push_back(std::move(team));
  }
  return org;
}

GenPerson GeneratePerson(const GenOrg& org, const Options& options, int64_t index) {
  Rng rng(SplitMix(SplitMix(options.seed ^ kPersonStream) + static_cast<uint64_t>(index)));
  GenPerson p;
  const Date latest = LatestDay();

  // Who they are.
  cases::NewPerson& d = p.details;
  d.crn = CrnOf(options.seed, index);
  d.gender = std::string(Draw(rng, kGenderMix));
  const bool female = d.gender == "female" || (d.gender != "male" && rng.Chance(0.5));
  d.first_name = std::string(female ? rng.Pick<std::string_view>(kFemaleFirst)
                                    : rng.Pick<std::string_view>(kMaleFirst));
  d.last_name = std::string(rng.Pick<std::string_view>(kLastNames));
  static constexpr std::pair<int, int> kAgeBands[] = {{18, 6},  {21, 12}, {25, 18}, {30, 32},
                                                      {40, 18}, {50, 10}, {60, 4}};
  static constexpr int kBandEnd[] = {20, 24, 29, 39, 49, 59, 79};
  const int band_start = DrawInt(rng, kAgeBands);
  int band = 0;
  while (std::get<0>(kAgeBands[band]) != band_start) ++band;
  const int age = rng.Between(band_start, kBandEnd[band]);
  const Date born = Days(AddMonths(latest, -12 * age), -static_cast<int>(rng.Below(364)));
  d.date_of_birth = FormatDate(born);
  if (rng.Chance(0.75)) {
    d.phone = "07";
    for (int i = 0; i < 9; ++i) *d.phone += static_cast<char>('0' + rng.Below(10));
  }
  if (rng.Chance(0.3))
    d.email = Lower(d.first_name) + "." + Lower(d.last_name) + std::to_string(rng.Between(1, 99)) +
              "@example.org";
  d.iom = rng.Chance(0.05);

  // The team and (maybe) the officer: drawn through the practitioners, so bigger teams hold more.
  const int drawn = org.practitioners[rng.Below(org.practitioners.size())];
  p.team = org.staff[drawn].team;
  const GenTeam& team = org.teams[p.team];
  d.team_code = team.team.code;
  const std::string town = org.pdus[team.pdu].name;

  // The current sentence, and what they were convicted of before.
  const std::string_view kind = Draw(rng, kSentenceMix);
  const std::string_view offence_group = Draw(rng, kOffenceMix);
  GenSentence current = CurrentSentence(rng, kind, offence_group, town);
  const Date current_date = *ParseDate(current.sentence.sentence_date);
  const Date adult = AddMonths(born, 12 * 16);
  if (!rng.Chance(0.2) && adult < Days(current_date, -60)) {
    const int previous = 1 + static_cast<int>(rng.Below(3)) + static_cast<int>(rng.Below(4));
    std::vector<Date> dates;
    for (int i = 0; i < previous; ++i)
      dates.push_back(DayBetween(rng, adult, Days(current_date, -60)));
    std::sort(dates.begin(), dates.end());
    for (const Date when : dates) {
      cases::Conviction c;
      c.conviction_date = FormatDate(when);
      c.offence_group = std::string(Draw(rng, kOffenceMix));
      c.offence = std::string(OffenceText(rng, c.offence_group));
      p.convictions.push_back(std::move(c));
    }
  }

  // An earlier order for the latest previous conviction, for about a third.
  if (!p.convictions.empty() && rng.Chance(0.35)) {
    const cases::Conviction& last = p.convictions.back();
    GenSentence earlier;
    cases::Sentence& s = earlier.sentence;
    s.kind = rng.Chance(0.7) ? "community_order" : "suspended_sentence_order";
    s.offence_group = last.offence_group;
    s.offence = last.offence.value_or("Other offence");
    s.court = town + " Magistrates' Court";
    const Date date = Weekday(*ParseDate(last.conviction_date));
    s.sentence_date = FormatDate(date);
    s.length_months = rng.Chance(0.5) ? 12 : 18;
    const Date end = AddMonths(date, s.length_months);
    s.expected_end = FormatDate(end);
    s.status = "terminated";
    const Date before_current = Days(current_date, -1);
    if (end <= before_current) {
      s.terminated_on = FormatDate(end);
      s.termination_reason = rng.Chance(0.9) ? "completed" : "revoked_good_progress";
    } else {
      s.terminated_on = FormatDate(std::max(date, before_current));
      s.termination_reason = "revoked_resentenced";
    }
    s.version = 2;
    AddRequirements(rng, earlier);
    // A completed order's requirements were done in full first; a revoked one's end with it.
    const bool completed = s.termination_reason == "completed";
    for (auto& r : earlier.requirements) {
      r.status = completed ? "completed" : "terminated";
      r.progress = completed ? r.amount : 0;
      r.end_date = s.terminated_on;
      r.end_reason = completed ? "completed" : "sentence_ended";
      r.version = 2;
    }
    earlier.added_at = WorkTime(rng, date);
    earlier.terminated_at = WorkTime(rng, *ParseDate(*s.terminated_on));
    if (*earlier.terminated_at < earlier.added_at) earlier.terminated_at = earlier.added_at;
    p.sentences.push_back(std::move(earlier));
  }
  if (kind == "community_order" || kind == "suspended_sentence_order")
    AddRequirements(rng, current);
  else
    AddConditions(rng, current);
  const Date start = SupervisionStart(current.sentence);
  current.added_at = WorkTime(rng, current_date);
  p.sentences.push_back(std::move(current));
  const cases::Sentence& now = p.sentences.back().sentence;

  // Registered and allocated at the first supervised sentence.
  p.registered_at = p.sentences.front().added_at - minutes{30};
  p.registered_by = team.administrator;
  p.allocated_at = p.registered_at + days{rng.Between(1, 3)} + hours{2};
  if (DateOf(p.allocated_at) > latest) p.allocated_at = At(latest, 16, 0);

  cases::Address& a = p.address;
  a.status = "main";
  a.line1 = StreetAddress(rng);
  if (rng.Chance(0.2)) a.line2 = "Flat " + std::to_string(rng.Between(1, 40));
  a.town = town;
  a.postcode = Postcode(rng);
  a.start_date = FormatDate(DateOf(p.registered_at));

  // Registrations: every person has a ROSH level; the rest by their shares.
  Risk risk;
  risk.rosh = std::string(Draw(rng, kRoshMix));
  const Date registered_from = std::min(Days(start, rng.Between(0, 14)), latest);
  auto add_registration = [&](std::string type, std::optional<std::string> level,
                              std::optional<std::string> category) {
    cases::Registration r;
    r.type = std::move(type);
    r.level = std::move(level);
    r.category = std::move(category);
    r.start_date = FormatDate(registered_from);
    r.added_at = WorkTime(rng, registered_from);
    p.registrations.push_back(std::move(r));
  };
  add_registration("rosh", risk.rosh, std::nullopt);
  if (rng.Chance(0.05)) {
    risk.mappa_level = std::string(Draw(rng, kMappaLevelMix));
    add_registration("mappa", risk.mappa_level, std::string(Draw(rng, kMappaCategoryMix)));
  }
  for (const auto& share : kOtherRegistrations)
    if (rng.Chance(share.share))
      add_registration(std::string(share.type), std::nullopt, std::nullopt);
  if (female) {
    if (rng.Chance(0.4)) add_registration("parental_responsibilities", std::nullopt, std::nullopt);
    if (rng.Chance(0.2)) add_registration("impulsivity_temper", std::nullopt, std::nullopt);
  }
  if (!p.registrations.empty() && rng.Chance(0.3))
    p.registrations.front().notes =
        "Risk to known adults and the public; see the latest assessment.";

  // A needs assessment for most, a few weeks into supervision.
  if (rng.Chance(0.85)) {
    const Date on = std::min(Days(start, rng.Between(7, 42)), latest);
    p.assessed_at = WorkTime(rng, on);
    for (const auto& mix : kNeedMix) {
      cases::Need n;
      n.need = std::string(mix.need);
      n.severity = std::string(kSeverities[DrawInt(
          rng, std::array<std::pair<int, int>, 3>{
                   {{0, mix.weights[0]}, {1, mix.weights[1]}, {2, mix.weights[2]}}})]);
      n.assessed_on = FormatDate(DateOf(p.assessed_at));
      p.needs.push_back(std::move(n));
    }
  }

  // The tier (shared reference risk.md), after the assessment.
  const int protect = ProtectPoints(rng, p, risk);
  const char letter = protect >= 150 ? 'A' : (protect >= 20 ? 'B' : (protect >= 10 ? 'C' : 'D'));
  p.tier = std::string(1, letter) + std::to_string(ChangeLevel(rng, p));
  p.tiered_at = (p.needs.empty() ? WorkTime(rng, registered_from) : p.assessed_at) + minutes{20};

  // The responsible officer: high risk (ROSH high or very high, MAPPA 2 or 3) goes to a PO.
  if (!rng.Chance(0.03)) {
    const bool high = risk.rosh == "high" || risk.rosh == "very_high" ||
                      (risk.mappa_level && *risk.mappa_level != "1");
    const auto& pool = high ? team.officers : team.practitioners;
    p.officer =
        org.staff[drawn].team == p.team && std::find(pool.begin(), pool.end(), drawn) != pool.end()
            ? drawn
            : pool[rng.Below(pool.size())];
  }

  // Contacts on the current sentence: 20 to 60, 40 on average.
  const Date contacts_end = std::min(latest, Days(*ParseDate(now.expected_end), -1));
  const Date contacts_start = std::min(Days(start, 1), contacts_end);
  const int count = rng.Between(20, 60);
  std::vector<UtcTime> times;
  times.reserve(count);
  for (int i = 0; i < count; ++i)
    times.push_back(WorkTime(rng, DayBetween(rng, contacts_start, contacts_end)));
  std::sort(times.begin(), times.end());
  const int holder =
      p.officer ? *p.officer : team.practitioners[rng.Below(team.practitioners.size())];
  for (int i = 0; i < count; ++i) {
    GenContact c;
    c.type = i == 0 ? "office_visit" : std::string(Draw(rng, kContactMix));
    c.at = times[i];
    c.recorded_at = c.at + minutes{rng.Between(5, 240)};
    if (c.type == "letter" || c.type == "text_message")
      c.author = rng.Chance(0.6) ? team.administrator : holder;
    else if (c.type == "management_oversight")
      c.author = team.manager;
    else if (rng.Chance(0.1))
      c.author = team.practitioners[rng.Below(team.practitioners.size())];
    else
      c.author = holder;
    c.note = ContactNote(rng, c.type, d.first_name, i == 0);
    p.contacts.push_back(std::move(c));
  }
  AddAppointments(rng, org, p);
  return p;
}

}  // namespace probity::gen
