// Story: the articles that report one real-world event, and what newsloom
// tells about it. Owned by the cluster stage (membership, id) and rebuilt by
// the story stage (title, rank, timeline, summary) whenever membership changes.
#ifndef NEWSLOOM_STORY_H_
#define NEWSLOOM_STORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "newsloom/article.h"

namespace newsloom {

struct StoryEntity {
  std::string name;  // canonical name
  Entity::Type type = Entity::Type::kMisc;
  int count = 0;  // mentions across the story's articles
};

struct TimelineEvent {
  std::string date;  // ISO 8601 at its granularity: "2024-09-23", "2024-09", "2024"
  std::string text;  // the sentence that states the event, verbatim from an article
  std::vector<std::string> articles;  // ids of the articles that report it: the one `text`
                                      // quotes, then the others oldest first
};

// A sentence quoted verbatim from one of the story's articles.
struct CitedSentence {
  std::string text;
  std::string article;  // id of the article it is quoted from
};

struct Disagreement {
  std::string about;                  // what the claims disagree on
  std::vector<CitedSentence> claims;  // each side, cited
};

struct Story {
  std::string id;                       // stable: the same input gives the same id, across restarts
  std::vector<std::string> merged_ids;  // ids of stories merged into this one
  std::vector<std::string> articles;    // article ids, oldest first
  std::string title;
  std::string category;
  std::string language;
  double rank = 0;
  int64_t first_seen = 0;            // UTC seconds of the earliest article
  int64_t last_updated = 0;          // UTC seconds of the latest article
  std::vector<std::string> sources;  // distinct source domains
  std::vector<StoryEntity> entities;
  std::vector<TimelineEvent> timeline;
  std::vector<CitedSentence> summary;
  std::vector<Disagreement> disagreements;
};

}  // namespace newsloom

#endif  // NEWSLOOM_STORY_H_
