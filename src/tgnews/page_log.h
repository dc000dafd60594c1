// PageLog: the contest server's durable state, an append-only file of the
// pages it was given (name, max-age, the HTML as sent) and of deletions.
// Every record is written with write(2) before the request is answered, so
// it survives SIGTERM (and a crash of the process); Sync() makes it survive
// power loss too. Open replays the log and compacts it to the live pages.
// A torn last record (a crash mid-write) is dropped. Not thread-safe.
//
// Record format: "P <name> <max_age> <bytes>\n<body>\n" or "D <name>\n".
#ifndef NEWSLOOM_TGNEWS_PAGE_LOG_H_
#define NEWSLOOM_TGNEWS_PAGE_LOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::tgnews {

struct StoredPage {
  std::string name;
  int64_t max_age = 0;
  std::string body;
};

class PageLog {
 public:
  // Opens (creating `dir` and the log when needed) and fills `pages` with the
  // live pages, in the order they were first put (see Replay in page_log.cc).
  static Result<std::unique_ptr<PageLog>> Open(const std::string& dir,
                                               std::vector<StoredPage>* pages);
  ~PageLog();
  PageLog(const PageLog&) = delete;
  PageLog& operator=(const PageLog&) = delete;

  Status AppendPut(std::string_view name, int64_t max_age, std::string_view body);
  Status AppendDelete(std::string_view name);
  Status Sync();

 private:
  PageLog(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  Status Write(std::string_view bytes);

  int fd_;
  std::string path_;
};

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_PAGE_LOG_H_
