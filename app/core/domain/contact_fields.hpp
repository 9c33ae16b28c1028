#pragma once
// The one home for "is this an e-mail address we can send to" and "is this a link we may put in
// front of an attendee". Both guard every way in (imports, rows from merge or sync) and every way
// out (mail headers, HTML bodies, PDFs), so a CR/LF, a quote or a `javascript:` never travels on.
#include <string_view>

namespace meetscan::core {

// A plain ASCII addr-spec: local@domain, no display name, no comments, no quoting, no spaces.
[[nodiscard]] bool isMailAddress(std::string_view text);

// An absolute http:// or https:// URL with a host and no blanks, quotes, angle brackets or
// control characters.
[[nodiscard]] bool isWebLink(std::string_view text);

} // namespace meetscan::core
