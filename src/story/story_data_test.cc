// Faithfulness on every data set with gold story groups: every summary
// sentence is verbatim in the extracted text of the article it cites, and
// every timeline and disagreement sentence in its article's text or title.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "story/story.h"
#include "story/story_test_util.h"

namespace newsloom::story {
namespace {

using testing::ExtractAll;
using testing::FirstUnfaithfulQuote;

const std::string kData = NEWSLOOM_SHARED_DATA_DIR;

// The gold label of each line of a JSON Lines file, read by `label`.
std::vector<std::string> LineLabels(const std::string& path,
                                    std::string (*label)(const nlohmann::json&)) {
  std::vector<std::string> labels;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    labels.push_back(record.is_discarded() ? "" : label(record));
  }
  return labels;
}

struct Tally {
  size_t stories = 0;
  size_t summary_sentences = 0;
  size_t timeline_events = 0;
  size_t disagreements = 0;
};

// Groups the articles by label, builds each story and checks its quotes.
Tally CheckStories(std::vector<testing::Extracted> extracted,
                   const std::function<std::string(const std::string& origin)>& label_of) {
  std::map<std::string, std::vector<Article>> groups;
  for (size_t i = 0; i < extracted.size(); ++i) {
    std::string label = label_of(extracted[i].origin);
    if (label.empty()) continue;
    Article article = std::move(extracted[i].article);
    article.id = extracted[i].origin + "#" + std::to_string(i);  // unique, for checking citations
    groups[label].push_back(std::move(article));
  }
  Tally tally;
  for (const auto& [label, articles] : groups) {
    std::vector<const Article*> members = testing::Pointers(articles);
    Story story = BuildStory(members, StoryOptions{});
    EXPECT_EQ(FirstUnfaithfulQuote(story, members), "") << "story " << label;
    EXPECT_LE(story.summary.size(), 7u);
    ++tally.stories;
    tally.summary_sentences += story.summary.size();
    tally.timeline_events += story.timeline.size();
    tally.disagreements += story.disagreements.size();
  }
  return tally;
}

// "dir/file.jsonl:17" -> 16 (the line index), or -1.
int LineIndex(const std::string& origin) {
  size_t colon = origin.rfind(':');
  if (colon == std::string::npos) return -1;
  try {
    return std::stoi(origin.substr(colon + 1)) - 1;
  } catch (...) {
    return -1;
  }
}

void Report(const char* name, const Tally& tally) {
  std::printf(
      "%s: %zu stories, %zu summary sentences, %zu timeline events, %zu disagreements, "
      "all quotes verbatim unless reported above\n",
      name, tally.stories, tally.summary_sentences, tally.timeline_events, tally.disagreements);
}

void CheckJsonLines(const char* name, const std::string& path,
                    std::string (*label)(const nlohmann::json&)) {
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  std::vector<std::string> labels = LineLabels(path, label);
  Tally tally = CheckStories(ExtractAll({path}), [&](const std::string& origin) {
    int line = LineIndex(origin);
    return line >= 0 && static_cast<size_t>(line) < labels.size() ? labels[line] : "";
  });
  EXPECT_GT(tally.stories, 10u);
  Report(name, tally);
}

TEST(StoryDataTest, GiveMe5W1HEvents) {
  CheckJsonLines("giveme5w1h", kData + "/cluster/giveme5w1h.jsonl", [](const nlohmann::json& r) {
    auto cluster = r.find("newsCluster");
    if (cluster == r.end() || !cluster->contains("EventId")) return std::string();
    return (*cluster)["EventId"].dump();
  });
}

TEST(StoryDataTest, EcbPlusClusters) {
  CheckJsonLines("ecbplus", kData + "/cluster/ecbplus.jsonl",
                 [](const nlohmann::json& r) { return r.value("cluster_id", std::string()); });
}

TEST(StoryDataTest, WikiRef220Topics) {
  std::string folder = kData + "/cluster/wikiref220";
  if (!std::filesystem::exists(folder + "/labels.tsv")) GTEST_SKIP() << "no shared data";
  std::map<std::string, std::string> topics;
  std::ifstream in(folder + "/labels.tsv");
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab != std::string::npos) topics[line.substr(0, tab)] = line.substr(tab + 1);
  }
  Tally tally = CheckStories(ExtractAll({folder + "/WikiRef220"}), [&](const std::string& origin) {
    auto found = topics.find(std::filesystem::path(origin).filename().string());
    return found == topics.end() ? std::string() : found->second;
  });
  EXPECT_GE(tally.stories, 5u);
  Report("wikiref220", tally);
}

TEST(StoryDataTest, SeedsAsOneStory) {
  std::string seeds = kData + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no shared data";
  Tally tally = CheckStories(ExtractAll({seeds}), [](const std::string&) { return "seeds"; });
  EXPECT_EQ(tally.stories, 1u);
  Report("seeds", tally);
}

}  // namespace
}  // namespace newsloom::story
