// The incremental stories of StoryIndex against the same stories told from
// scratch (the cluster stage's BuildStory, ner::MergeStoryEntities,
// story::ArticlesToTell and story::BuildStory over every live member), on a
// seeded stream of additions, removals, changed pages and merges.
#include "engine/story_aggregate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cluster/rank.h"
#include "ner/story_entities.h"
#include "newsloom/story_index.h"
#include "story/story.h"

namespace newsloom {
namespace {

constexpr int64_t kStart = 1727049600;  // 2024-09-23

struct Topic {
  std::vector<std::string> words;
  std::vector<std::pair<Entity::Type, std::string>> names;
};

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> topics = {
      {{"earthquake", "tremor", "rescue", "rubble", "aftershock", "magnitude", "coast", "village",
        "survivors", "shelters"},
       {{Entity::Type::kPerson, "Volodymyr Zelenskyy"},
        {Entity::Type::kPerson, "Zelensky"},
        {Entity::Type::kPerson, "Zelenskiy"},
        {Entity::Type::kLocation, "Valparaiso"},
        {Entity::Type::kOrganization, "Red Cross"}}},
      {{"election", "ballots", "turnout", "coalition", "parliament", "candidate", "polls",
        "campaign", "voters", "minister"},
       {{Entity::Type::kPerson, "Shigeru Ishiba"},
        {Entity::Type::kPerson, "Ishiba"},
        {Entity::Type::kPerson, "Kishida Fumio"},
        {Entity::Type::kPerson, "Fumio Kishida"},
        {Entity::Type::kLocation, "Tokyo"}}},
      {{"merger", "shares", "investors", "acquisition", "billion", "regulators", "bank", "deal",
        "markets", "profit"},
       {{Entity::Type::kOrganization, "Mitsubishi UFJ"},
        {Entity::Type::kOrganization, "Mitsubishi"},
        {Entity::Type::kPerson, "Janet Yellen"},
        {Entity::Type::kPerson, "Yellen"},
        {Entity::Type::kLocation, "New York"}}},
  };
  return topics;
}

// A page of `topics` (a bridge between two when it has two).
Article MakePage(std::mt19937& random, const std::string& id, const std::vector<int>& topics) {
  auto pick = [&](size_t size) {
    return std::uniform_int_distribution<size_t>(0, size - 1)(random);
  };
  Article article;
  article.id = id;
  article.language = pick(10) == 0 ? "de" : "en";
  article.category = pick(3) == 0 ? "economy" : "society";
  static const char* kSources[] = {"", "a.example", "b.example", "c.example", "d.example"};
  article.source = kSources[pick(5)];
  if (article.source.empty()) article.site_name = pick(2) == 0 ? "Wire Service" : "";
  if (pick(8) != 0) {
    Timestamp published;
    published.utc_seconds = kStart + int64_t(pick(5 * 24)) * 3600;
    article.published = published;
  }
  const Topic& lead = Topics()[topics.front()];
  static const char* kShapes[] = {"", "Why ", "10 "};
  article.title = pick(6) == 0 ? "" : std::string(kShapes[pick(3)]);
  if (!article.title.empty() || pick(6) != 0) {
    for (int w = 0; w < 6; ++w) article.title += lead.words[pick(lead.words.size())] + " ";
  }
  for (int p = 0; p < 3; ++p) {
    std::string text;
    for (int s = 0; s < 3; ++s) {
      const Topic& topic = Topics()[topics[pick(topics.size())]];
      const auto& name = topic.names[pick(topic.names.size())];
      std::string sentence = name.second + " said on September " + std::to_string(20 + pick(9)) +
                             ", 2024 that " + std::to_string(10 + pick(90)) + " ";
      for (int w = 0; w < 9; ++w) sentence += topic.words[pick(topic.words.size())] + " ";
      sentence.back() = '.';
      text += sentence + " ";
      Entity entity;
      entity.type = name.first;
      entity.text = name.second;
      entity.canonical = name.second;
      entity.paragraph = uint32_t(p);
      article.entities.push_back(entity);
    }
    article.paragraphs.push_back({Paragraph::Kind::kText, text});
  }
  return article;
}

// The story `id` told from scratch over `live` (its live members in order of
// arrival), as StoryIndex told it before it kept aggregates.
Story FromScratch(const Story& told, const std::vector<const Article*>& live,
                  const std::set<std::string>& near_duplicates, int64_t now) {
  std::vector<cluster::Member> members;
  std::optional<int64_t> first, last;
  for (const Article* article : live) {
    cluster::Member& member = members.emplace_back();
    member.id = article->id;
    member.source = article->source;
    member.title = article->title.substr(0, 512);
    member.category = article->category;
    member.language = article->language;
    if (article->published) {
      member.published = article->published->utc_seconds;
      first = std::min(first.value_or(*member.published), *member.published);
      last = std::max(last.value_or(*member.published), *member.published);
    }
    member.duplicate = near_duplicates.contains(article->id);
  }
  cluster::StoryView view{told.id, told.merged_ids, {}, first, last};
  for (const cluster::Member& member : members) view.members.push_back(&member);
  Story story = cluster::BuildStory(view, {}, now);
  std::map<std::string, const Article*> by_id;
  for (const Article* article : live) by_id[article->id] = article;
  std::vector<const Article*> ordered;
  std::set<std::string> sources;
  for (const std::string& id : story.articles) {
    const Article* article = by_id.at(id);
    ordered.push_back(article);
    const std::string& source = article->source.empty() ? article->site_name : article->source;
    if (!source.empty() && article->duplicate_of.empty()) sources.insert(source);
  }
  story.sources.assign(sources.begin(), sources.end());
  story.entities = ner::MergeStoryEntities(ordered);
  story::StoryOptions options;
  std::vector<const Article*> to_tell;
  for (size_t i : story::ArticlesToTell(ordered, options)) to_tell.push_back(ordered[i]);
  story::BuildStory(to_tell, options, &story);
  if (story.title.empty() && !story.summary.empty()) story.title = story.summary.front().text;
  for (size_t m = 0; m < ordered.size() && story.title.empty(); ++m)
    story.title = cluster::OpeningLine(*ordered[m]);
  return story;
}

std::vector<std::string> Texts(const std::vector<CitedSentence>& sentences) {
  std::vector<std::string> texts;
  for (const CitedSentence& sentence : sentences)
    texts.push_back(sentence.article + ": " + sentence.text);
  return texts;
}

void ExpectSameStory(const Story& incremental, const Story& scratch) {
  SCOPED_TRACE("story " + incremental.id);
  EXPECT_EQ(incremental.articles, scratch.articles);
  EXPECT_EQ(incremental.title, scratch.title);
  EXPECT_EQ(incremental.category, scratch.category);
  EXPECT_EQ(incremental.language, scratch.language);
  EXPECT_DOUBLE_EQ(incremental.rank, scratch.rank);
  EXPECT_EQ(incremental.first_seen, scratch.first_seen);
  EXPECT_EQ(incremental.last_updated, scratch.last_updated);
  EXPECT_EQ(incremental.sources, scratch.sources);
  ASSERT_EQ(incremental.entities.size(), scratch.entities.size());
  for (size_t i = 0; i < scratch.entities.size(); ++i) {
    EXPECT_EQ(incremental.entities[i].name, scratch.entities[i].name);
    EXPECT_EQ(incremental.entities[i].type, scratch.entities[i].type);
    EXPECT_EQ(incremental.entities[i].count, scratch.entities[i].count);
  }
  EXPECT_EQ(Texts(incremental.summary), Texts(scratch.summary));
  ASSERT_EQ(incremental.timeline.size(), scratch.timeline.size());
  for (size_t i = 0; i < scratch.timeline.size(); ++i) {
    EXPECT_EQ(incremental.timeline[i].date, scratch.timeline[i].date);
    EXPECT_EQ(incremental.timeline[i].text, scratch.timeline[i].text);
    EXPECT_EQ(incremental.timeline[i].articles, scratch.timeline[i].articles);
  }
  ASSERT_EQ(incremental.disagreements.size(), scratch.disagreements.size());
  for (size_t i = 0; i < scratch.disagreements.size(); ++i) {
    EXPECT_EQ(incremental.disagreements[i].about, scratch.disagreements[i].about);
    EXPECT_EQ(Texts(incremental.disagreements[i].claims), Texts(scratch.disagreements[i].claims));
  }
}

// Drives one StoryIndex through a stream and checks every live story against
// a from-scratch telling at each checkpoint. A second index, given the same
// stream, keeps the articles' text in a map it reads back from (as the
// service keeps it in its store), released every few changes as a service's
// transactions release it: its stories must be the same.
class StreamCheck {
 public:
  explicit StreamCheck(const StoryIndexOptions& options) : index_(StoryIndex::Create(options)) {
    StoryIndexOptions stored_options = options;
    stored_options.load_articles = [this](const std::vector<std::string>& ids) {
      std::vector<Article> found;
      for (const std::string& id : ids) {
        if (auto at = stored_.find(id); at != stored_.end()) found.push_back(at->second);
      }
      ++loads_;
      return found;
    };
    stored_index_ = StoryIndex::Create(stored_options);
  }

  void Add(Article article) {
    const std::string id = article.id;
    const bool first_time = std::find(arrival_.begin(), arrival_.end(), id) == arrival_.end();
    if (article.published) newest_ = std::max(newest_, article.published->utc_seconds);
    Store(article);
    index_->Add(std::move(article));
    if (first_time) {
      arrival_.push_back(id);
      // The cluster stage's near-duplicate: a copy of an article it knows.
      const std::string& canonical = index_->FindArticle(id)->duplicate_of;
      if (!canonical.empty() && canonical != id) near_duplicates_.insert(id);
    }
  }
  void Change(Article article) {
    Store(article);
    index_->Add(std::move(article));
  }
  bool Remove(const std::string& id) {
    // As the service does: the index first, then the store.
    EXPECT_EQ(stored_index_->Remove(id), index_->FindArticle(id) != nullptr);
    stored_.erase(id);
    Release();
    return index_->Remove(id);
  }
  StoryIndex& index() { return *index_; }
  size_t loads() const { return loads_; }

  // Checks every story; returns how many were checked.
  size_t Check() {
    std::map<std::string, std::vector<const Article*>> live;
    for (const std::string& id : arrival_) {
      if (const Article* article = index_->FindArticle(id))
        live[*index_->StoryOf(id)].push_back(article);
    }
    std::vector<Story> all = index_->Stories();
    EXPECT_EQ(all.size(), live.size());
    for (size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1].rank, all[i].rank);
    for (const auto& [story_id, members] : live) {
      std::optional<Story> story = index_->GetStory(story_id);
      EXPECT_TRUE(story.has_value()) << story_id;
      if (!story) continue;
      ExpectSameStory(*story, FromScratch(*story, members, near_duplicates_, newest_));
      for (const std::string& merged : story->merged_ids) EXPECT_FALSE(index_->GetStory(merged));
      std::optional<Story> stored = stored_index_->GetStory(story_id);
      EXPECT_TRUE(stored.has_value()) << story_id;
      if (stored) ExpectSameStory(*stored, *story);
    }
    EXPECT_EQ(stored_index_->Stories().size(), all.size());
    return live.size();
  }

 private:
  void Store(const Article& article) {
    stored_index_->Add(article);
    stored_[article.id] = article;
    Release();
  }
  void Release() {
    if (++changes_ % 3 == 0) stored_index_->ReleaseTexts();
  }

  std::unique_ptr<StoryIndex> index_;
  std::unique_ptr<StoryIndex> stored_index_;
  std::map<std::string, Article> stored_;
  size_t changes_ = 0, loads_ = 0;
  std::vector<std::string> arrival_;
  std::set<std::string> near_duplicates_;
  int64_t newest_ = 0;
};

TEST(StoryAggregateTest, IncrementalStoriesMatchTheirTellingFromScratch) {
  StoryIndexOptions options;
  options.merge_threshold = 0.2;  // bridges merge stories often enough to be tested
  StreamCheck check(options);
  std::mt19937 random(7);
  auto pick = [&](size_t size) {
    return std::uniform_int_distribution<size_t>(0, size - 1)(random);
  };
  std::vector<std::string> added;
  std::vector<Article> copies;
  size_t removed = 0, changed = 0, duplicates = 0, checks = 0;
  for (int step = 0; step < 420; ++step) {
    const size_t roll = pick(100);
    if (roll < 8 && !added.empty()) {
      removed += check.Remove(added[pick(added.size())]);
    } else if (roll < 18 && !added.empty()) {
      // The same page again, rewritten: new text, title, date and names.
      std::string id = added[pick(added.size())];
      if (check.index().FindArticle(id) == nullptr) continue;
      check.Change(MakePage(random, id, {int(pick(3))}));
      ++changed;
    } else if (roll < 24 && !copies.empty()) {
      Article copy = copies[pick(copies.size())];
      copy.id = "copy-" + std::to_string(step);
      copy.source = "copy.example";
      copy.duplicate_of.clear();
      added.push_back(copy.id);
      check.Add(std::move(copy));
      ++duplicates;
    } else {
      std::vector<int> topics = {int(pick(3))};
      if (pick(12) == 0) topics.push_back((topics[0] + 1) % 3);  // a bridge
      Article page = MakePage(random, "a" + std::to_string(step), topics);
      copies.push_back(page);
      added.push_back(page.id);
      check.Add(std::move(page));
    }
    if (step % 60 == 59) checks += check.Check();
  }
  checks += check.Check();
  EXPECT_GT(removed, 10u);
  EXPECT_GT(changed, 10u);
  EXPECT_GT(duplicates, 10u);
  EXPECT_GT(checks, 0u);
  // Stories large enough to be told from a subset, and merged stories.
  size_t largest = 0, merged = 0;
  for (const Story& story : check.index().Stories()) {
    largest = std::max(largest, story.articles.size());
    merged += story.merged_ids.size();
  }
  EXPECT_GT(largest, 40u);
  EXPECT_GT(merged, 0u);
  EXPECT_GT(check.loads(), 0u);  // the stored index read texts back
}

TEST(StoryAggregateTest, ReleasedTextsAreReadBackToTellTheStory) {
  std::mt19937 random(5);
  std::map<std::string, Article> stored;
  std::vector<std::string> asked;
  StoryIndexOptions options;
  options.load_articles = [&](const std::vector<std::string>& ids) {
    std::vector<Article> found;
    for (const std::string& id : ids) {
      asked.push_back(id);
      if (stored.contains(id)) found.push_back(stored.at(id));
    }
    return found;
  };
  auto index = StoryIndex::Create(options);
  auto plain = StoryIndex::Create();
  Article page = MakePage(random, "p", {0});
  ASSERT_GT(page.paragraphs.size(), 1u);
  stored[page.id] = page;
  const std::string story = index->Add(page);
  plain->Add(page);
  // Of the text, the index keeps the opening line, which names untitled stories.
  EXPECT_EQ(index->FindArticle("p")->paragraphs.size(), 1u);
  EXPECT_EQ(cluster::OpeningLine(*index->FindArticle("p")), cluster::OpeningLine(page));
  EXPECT_TRUE(index->FindArticle("p")->dates.empty());
  index->ReleaseTexts();
  EXPECT_TRUE(index->FindArticle("p")->entities.empty());  // counted, and read back to uncount
  std::optional<Story> told = index->GetStory(story);
  ASSERT_TRUE(told.has_value());
  EXPECT_EQ(asked, std::vector<std::string>{"p"});
  ExpectSameStory(*told, *plain->GetStory(story));
  // An article the store no longer has is left out of the telling, not a crash.
  stored.clear();
  Article second = MakePage(random, "q", {0});
  index->Add(second);
  index->ReleaseTexts();
  for (const std::string& id : index->TakeChangedStories()) {
    if (std::optional<Story> again = index->GetStory(id)) {
      for (const CitedSentence& sentence : again->summary) EXPECT_NE(sentence.article, "q");
    }
  }
}

TEST(StoryAggregateTest, ARemovedArticleLeavesNoTrace) {
  std::mt19937 random(11);
  auto index = StoryIndex::Create();
  Article first = MakePage(random, "first", {0});
  first.title = "Rescuers search the rubble after the coast earthquake";
  Article second = MakePage(random, "second", {0});
  second.title = "Earthquake rescue at the coast: survivors search rubble";
  second.paragraphs = first.paragraphs;  // a copy: one story
  second.entities = first.entities;
  second.source = "only-here.example";
  const std::string story = index->Add(first);
  ASSERT_EQ(index->Add(second), story);
  ASSERT_TRUE(index->Remove("second"));
  std::optional<Story> told = index->GetStory(story);
  ASSERT_TRUE(told.has_value());
  EXPECT_EQ(told->articles, std::vector<std::string>{"first"});
  EXPECT_EQ(std::count(told->sources.begin(), told->sources.end(), "only-here.example"), 0);
  EXPECT_EQ(told->title, first.title);
  ASSERT_TRUE(index->Remove("first"));
  EXPECT_FALSE(index->GetStory(story).has_value());
  EXPECT_TRUE(index->Stories().empty());
  // Added again, it is back in its story.
  EXPECT_EQ(index->Add(first), story);
  ASSERT_TRUE(index->GetStory(story).has_value());
  EXPECT_EQ(index->GetStory(story)->articles, std::vector<std::string>{"first"});
}

TEST(StoryAggregateTest, AChangedPageIsToldFromItsNewVersion) {
  std::mt19937 random(13);
  auto index = StoryIndex::Create();
  Article page = MakePage(random, "page", {1});
  page.title = "Coalition talks begin after the election";
  const std::string story = index->Add(page);
  Article changed = page;
  changed.title = "Coalition agreed after the election";
  changed.source = "new.example";
  changed.entities.push_back({Entity::Type::kPerson, "Taro Kono", "Taro Kono", 0, 0});
  EXPECT_EQ(index->Add(changed), story);
  std::optional<Story> told = index->GetStory(story);
  ASSERT_TRUE(told.has_value());
  EXPECT_EQ(told->title, "Coalition agreed after the election");
  EXPECT_EQ(told->sources, std::vector<std::string>{"new.example"});
  EXPECT_TRUE(std::any_of(told->entities.begin(), told->entities.end(),
                          [](const StoryEntity& entity) { return entity.name == "Taro Kono"; }));
}

}  // namespace
}  // namespace newsloom
