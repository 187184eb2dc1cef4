// Contacts as value types, beside the timeline row (cases::Contact in cases/model.h): what
// recording one takes, and an amendment as read back. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/model.h"
#include "core/time.h"

namespace probity::cases {

// What recording a contact takes. `at` absent: now.
struct NewContact {
  std::string type;  // a code of ContactTypes()
  std::optional<UtcTime> at;
  std::string note;
  std::optional<int64_t> sentence_id;  // must be one of the person's sentences
};

// A correction of a recorded contact: its own timeline row (type "contact.amended", system) and
// the reason and corrected text from its event, the truth.
struct ContactAmendment {
  Contact entry;                             // the amendment's timeline row
  int64_t contact_id = 0;                    // the contact it corrects
  std::string reason;                        // why
  std::string note;                          // the corrected text, in full
  std::optional<std::string> instructed_by;  // actor id of whoever directed it, when not the author
  std::optional<std::string> instructed_by_name;
};

// A contact and every amendment of it, oldest first. The contact's own note is never changed:
// the latest amendment's note is the current text.
struct ContactDetail {
  Contact contact;
  std::vector<ContactAmendment> amendments;
};

}  // namespace probity::cases
