#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "store/fts_query.h"
#include "store/single_article_stories.h"

namespace newsloom::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("newsloom_store_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }
  void Reopen() {
    store_.reset();
    auto store = OpenSqliteStore(directory_.string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  void Put(const Article& article) {
    WriteBatch batch;
    batch.articles.push_back(article);
    batch.stories = builder_.Add(article);
    ASSERT_TRUE(store_->Write(batch).ok());
  }

  std::filesystem::path directory_;
  std::unique_ptr<Store> store_;
  SingleArticleStories builder_;
};

template <typename Member, typename Value>
Filter FilterWith(Member Filter::*member, Value value) {
  Filter filter;
  filter.*member = value;
  return filter;
}

Article MakeArticle(const std::string& id, const std::string& title, const std::string& body,
                    int64_t time = 1700000000) {
  Article article;
  article.id = id;
  article.url = "https://example.com/" + id;
  article.canonical_url = article.url;
  article.source = "example.com";
  article.site_name = "Example";
  article.title = title;
  article.authors = {"Ann Writer"};
  article.published = Timestamp{time, 540, true, Timestamp::Precision::kMinute};
  article.language = "en";
  article.category = "society";
  article.category_confidence = 0.5f;
  article.is_news = true;
  article.paragraphs = {{Paragraph::Kind::kText, "Lead paragraph about the day."},
                        {Paragraph::Kind::kQuote, body}};
  article.entities = {{Entity::Type::kPerson, "Mr. Ishiba", "Shigeru Ishiba", 1, 0}};
  article.dates = {{DateMention::Granularity::kDay, "Sept 23", "2024-09-23", 1, 3}};
  article.signature = 0xfedcba9876543210ULL;
  return article;
}

TEST_F(StoreTest, ArticleRoundTripsWithEveryField) {
  Article article = MakeArticle("one", "Title <b>one</b>", "Body text \"quoted\" ünïcode.");
  article.fetched = Timestamp{1700000100, 0, true, Timestamp::Precision::kSecond};
  Put(article);
  Reopen();
  auto stored = store_->GetArticle("one");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->title, article.title);
  EXPECT_EQ(stored->Text(), article.Text());
  EXPECT_EQ(stored->paragraphs[1].kind, Paragraph::Kind::kQuote);
  EXPECT_EQ(stored->authors, article.authors);
  ASSERT_TRUE(stored->published.has_value());
  EXPECT_EQ(stored->published->ToIso8601(), article.published->ToIso8601());
  ASSERT_EQ(stored->entities.size(), 1u);
  EXPECT_EQ(stored->entities[0].canonical, "Shigeru Ishiba");
  ASSERT_EQ(stored->dates.size(), 1u);
  EXPECT_EQ(stored->dates[0].date, "2024-09-23");
  EXPECT_EQ(stored->signature, article.signature);
  EXPECT_EQ(ArticleContentHash(*stored), ArticleContentHash(article));
  EXPECT_EQ(store_->GetArticle("missing").status().code(), Status::Code::kNotFound);
}

TEST_F(StoreTest, ArticleHeadersComeInTheOrderAskedWithoutTheText) {
  Put(MakeArticle("one", "First", "Body one."));
  Put(MakeArticle("two", "Second", "Body two."));
  auto headers = store_->GetArticleHeaders({"two", "missing", "one"});
  ASSERT_TRUE(headers.ok()) << headers.status().ToString();
  ASSERT_EQ(headers->size(), 2u);
  EXPECT_EQ((*headers)[0].id, "two");
  EXPECT_EQ((*headers)[0].title, "Second");
  EXPECT_EQ((*headers)[1].id, "one");
  EXPECT_EQ((*headers)[1].url, store_->GetArticle("one")->url);
  EXPECT_EQ((*headers)[1].published->utc_seconds,
            store_->GetArticle("one")->published->utc_seconds);
  EXPECT_TRUE((*headers)[1].paragraphs.empty());
  EXPECT_TRUE(store_->GetArticleHeaders({})->empty());
}

TEST_F(StoreTest, ArticleIdsComeInArrivalOrderAcrossReplacementAndReopen) {
  // Published newest first, so publication order would be the reverse.
  Put(MakeArticle("late", "Third by date", "Body.", 3000));
  Put(MakeArticle("early", "First by date", "Body.", 1000));
  Put(MakeArticle("middle", "Second by date", "Body.", 2000));
  Put(MakeArticle("late", "Third by date, updated", "New body.", 3000));
  Reopen();
  auto ids = store_->ArticleIdsInArrivalOrder();
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_EQ(*ids, (std::vector<std::string>{"late", "early", "middle"}));
}

TEST_F(StoreTest, ContentHashIgnoresFetchTimeButSeesTextChanges) {
  Article article = MakeArticle("one", "Title", "Body.");
  Article refetched = article;
  refetched.fetched = Timestamp{1800000000, 0, true, Timestamp::Precision::kSecond};
  EXPECT_EQ(ArticleContentHash(article), ArticleContentHash(refetched));
  Article changed = article;
  changed.paragraphs[1].text = "Body!";
  EXPECT_NE(ArticleContentHash(article), ArticleContentHash(changed));
  Put(article);
  auto hash = store_->ArticleHash("one");
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(hash->has_value());
  EXPECT_EQ(**hash, ArticleContentHash(article));
  auto none = store_->ArticleHash("two");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(StoreTest, ChangeCounterMovesWithEveryCommit) {
  auto before = store_->ChangeCounter();
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(*store_->ChangeCounter(), *before);
  Put(MakeArticle("one", "Title", "Body."));
  auto after = store_->ChangeCounter();
  ASSERT_TRUE(after.ok());
  EXPECT_GT(*after, *before);
  EXPECT_EQ(*store_->ChangeCounter(), *after);
}

TEST_F(StoreTest, ReplacingAnArticleUpdatesTextAndSearch) {
  Put(MakeArticle("one", "Volcano erupts", "Lava flows."));
  Put(MakeArticle("one", "Earthquake strikes", "Buildings shake."));
  auto stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->stories, 1);
  EXPECT_EQ(store_->GetArticle("one")->title, "Earthquake strikes");
  EXPECT_TRUE(store_->SearchArticles({"volcano", {}, 10})->empty());
  EXPECT_EQ(store_->SearchArticles({"earthquake", {}, 10})->size(), 1u);
  EXPECT_EQ(store_->GetStory(SingleArticleStories::StoryIdOf("one"))->title, "Earthquake strikes");
}

TEST_F(StoreTest, DeletingRemovesArticleStoryAndIndexEntries) {
  Put(MakeArticle("one", "Volcano erupts", "Lava flows."));
  WriteBatch batch;
  batch.deleted_articles = {"one", "never-stored"};
  batch.deleted_stories = {SingleArticleStories::StoryIdOf("one")};
  ASSERT_TRUE(store_->Write(batch).ok());
  EXPECT_EQ(store_->GetArticle("one").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store_->SearchArticles({"volcano", {}, 10})->empty());
  EXPECT_TRUE(store_->SearchStories({"volcano", {}, 10})->empty());
  EXPECT_EQ(store_->GetStats()->stories, 0);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

TEST_F(StoreTest, TitleMatchesRankAboveLeadAboveBody) {
  Put(MakeArticle("body", "Unrelated headline", "The harbour flooded overnight again."));
  Put(MakeArticle("title", "Harbour reopens", "Ships came back."));
  Article lead = MakeArticle("lead", "Another headline", "Nothing here.");
  lead.description = "The harbour authority spoke.";
  Put(lead);
  auto hits = store_->SearchArticles({"harbour", {}, 10});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].article.id, "title");
  EXPECT_EQ((*hits)[1].article.id, "lead");
  EXPECT_EQ((*hits)[2].article.id, "body");
  EXPECT_GT((*hits)[0].score, (*hits)[2].score);
  EXPECT_NE((*hits)[2].snippet.find("harbour"), std::string::npos);
}

TEST_F(StoreTest, SearchFiltersNarrowResults) {
  Article a = MakeArticle("a", "Election results", "Votes counted.", 1000);
  Article b = MakeArticle("b", "Election day", "Polls open.", 2000);
  b.language = "de";
  b.category = "politics";
  b.source = "other.org";
  b.entities.clear();
  Put(a);
  Put(b);
  auto count = [&](Filter filter) {
    auto hits = store_->SearchArticles({"election", filter, 10});
    EXPECT_TRUE(hits.ok());
    return hits.ok() ? hits->size() : 0;
  };
  EXPECT_EQ(count({}), 2u);
  EXPECT_EQ(count(FilterWith(&Filter::since, int64_t{1500})), 1u);
  EXPECT_EQ(count(FilterWith(&Filter::until, int64_t{1500})), 1u);
  EXPECT_EQ(count(FilterWith(&Filter::category, std::string("politics"))), 1u);
  EXPECT_EQ(count(FilterWith(&Filter::language, std::string("en"))), 1u);
  EXPECT_EQ(count(FilterWith(&Filter::source, std::string("other.org"))), 1u);
  EXPECT_EQ(count(FilterWith(&Filter::entity, std::string("Shigeru Ishiba"))), 1u);
  // Several filters at once: each condition binds its own parameter.
  Filter several = FilterWith(&Filter::since, int64_t{1500});
  several.category = "politics";
  several.source = "other.org";
  EXPECT_EQ(count(several), 1u);
  several.language = "en";
  EXPECT_EQ(count(several), 0u);
  auto stories =
      store_->SearchStories({"election", FilterWith(&Filter::language, std::string("de")), 10});
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 1u);
  EXPECT_EQ((*stories)[0].story.articles, std::vector<std::string>{"b"});
  EXPECT_EQ(store_
                ->SearchStories(
                    {"election", FilterWith(&Filter::entity, std::string("Shigeru Ishiba")), 10})
                ->size(),
            1u);
  EXPECT_EQ(
      store_->SearchStories({"election", FilterWith(&Filter::source, std::string("other.org")), 10})
          ->size(),
      1u);
  auto facets = store_->GetFacets();
  ASSERT_TRUE(facets.ok());
  ASSERT_EQ(facets->categories.size(), 2u);
  EXPECT_EQ(facets->categories[0].stories, 1);
  ASSERT_EQ(facets->languages.size(), 2u);
  EXPECT_EQ(facets->languages[0].value, "de");
}

TEST_F(StoreTest, HostileQueriesNeverFail) {
  Put(MakeArticle("a", "Quote \" and star * test", "NEAR(a b) OR AND NOT ^col:x"));
  for (const char* text : {"\"", "*", "NEAR(", "a OR", "col:x", "^", "\xff\xfe", "", "()()", "AND",
                           "\"unbalanced", "title:harbour"}) {
    auto hits = store_->SearchArticles({text, {}, 10});
    EXPECT_TRUE(hits.ok()) << text << ": " << hits.status().ToString();
    auto stories = store_->ListStories({{}, text, "", 10});
    EXPECT_TRUE(stories.ok()) << text;
  }
  EXPECT_EQ(ToFtsQuery("harbour* \"x\" NEAR(a)"), "\"harbour\"* \"x\" \"NEAR\" \"a\"");
  EXPECT_EQ(store_->SearchArticles({"NEAR(a b)", {}, 10})->size(), 1u);
}

TEST_F(StoreTest, StoryListIsRankedAndPagesWithCursor) {
  for (int i = 0; i < 25; ++i) {
    std::string number = std::to_string(i);
    Put(MakeArticle(std::string("n").append(number), std::string("Story ").append(number), "Text.",
                    1000000 + int64_t(i % 5) * 86400));
  }
  std::set<std::string> seen;
  std::string cursor;
  double last_rank = 1e300;
  int pages = 0;
  do {
    auto page = store_->ListStories({{}, "", cursor, 10});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const Story& story : page->stories) {
      EXPECT_LE(story.rank, last_rank);
      last_rank = story.rank;
      EXPECT_TRUE(seen.insert(story.id).second) << story.id;
      EXPECT_EQ(story.articles.size(), 1u);
    }
    cursor = page->next;
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 25u);
  EXPECT_EQ(store_->ListStories({{}, "", "zz", 10}).status().code(),
            Status::Code::kInvalidArgument);
  auto filtered =
      store_->ListStories({FilterWith(&Filter::since, int64_t{1000000 + 4 * 86400}), "", "", 100});
  EXPECT_EQ(filtered->stories.size(), 5u);
  auto searched = store_->ListStories({{}, "story 7", "", 100});
  ASSERT_EQ(searched->stories.size(), 1u);
  EXPECT_EQ(searched->stories[0].title, "Story 7");
}

TEST_F(StoreTest, StoryKeepsEveryField) {
  Story story;
  story.id = "s1";
  story.merged_ids = {"old"};
  story.articles = {"x", "y"};
  story.title = "T";
  story.category = "economy";
  story.language = "en";
  story.rank = 0.87;
  story.first_seen = 10;
  story.last_updated = 20;
  story.sources = {"a.com", "b.org"};
  story.entities = {{"Kyiv", Entity::Type::kLocation, 3}};
  story.timeline = {{"2024-09", "Something happened.", {"x"}}};
  story.summary = {{"A sentence.", "x"}, {"Another one.", "y"}};
  story.disagreements = {{"the ceasefire", {{"There is one.", "x"}, {"There is none.", "y"}}}};
  WriteBatch batch;
  batch.stories = {story};
  ASSERT_TRUE(store_->Write(batch).ok());
  Reopen();
  auto stored = store_->GetStory("s1");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->merged_ids, story.merged_ids);
  EXPECT_EQ(stored->articles, story.articles);
  EXPECT_DOUBLE_EQ(stored->rank, 0.87);
  EXPECT_EQ(stored->sources, story.sources);
  ASSERT_EQ(stored->entities.size(), 1u);
  EXPECT_EQ(stored->entities[0].type, Entity::Type::kLocation);
  EXPECT_EQ(stored->timeline[0].articles, std::vector<std::string>{"x"});
  EXPECT_EQ(stored->summary[1].article, "y");
  EXPECT_EQ(stored->disagreements[0].claims[1].text, "There is none.");
  EXPECT_EQ(*store_->StoriesOfArticle("y"), std::vector<std::string>{"s1"});
}

TEST_F(StoreTest, RewrittenStoryListsExactlyItsNewMembersInOrder) {
  Story story;
  story.id = "s1";
  for (const std::vector<std::string>& members : {std::vector<std::string>{"a", "b", "c"},
                                                  {"a", "b", "c", "d"},
                                                  {"d", "a", "c"},
                                                  {"e", "d", "e", "a"},
                                                  {}}) {
    story.articles = members;
    WriteBatch batch;
    batch.stories = {story};
    ASSERT_TRUE(store_->Write(batch).ok());
    std::vector<std::string> expected;
    for (const std::string& id : members) {
      if (std::find(expected.begin(), expected.end(), id) == expected.end()) expected.push_back(id);
    }
    auto stored = store_->GetStory("s1");
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->articles, expected);
  }
  EXPECT_TRUE(store_->StoriesOfArticle("b")->empty());
}

TEST_F(StoreTest, ABigStoryRewrittenFromWhatWasRememberedListsItsMembers) {
  Story story;
  story.id = "big";
  std::vector<std::string> members;
  for (int i = 0; i < 100; ++i) {
    members.push_back(std::to_string(1000 + i));
    members.back().insert(members.back().begin(), 'm');
  }
  auto write = [&](const std::vector<std::string>& articles) {
    story.articles = articles;
    WriteBatch batch;
    batch.stories = {story};
    ASSERT_TRUE(store_->Write(batch).ok());
    EXPECT_EQ(store_->GetStory("big")->articles, articles);
  };
  write(members);
  members.push_back("m9999");  // grows at the end
  write(members);
  members.insert(members.begin() + 50, "m5000");  // grows in the middle
  write(members);
  std::swap(members[3], members[90]);                         // reordered
  members.erase(members.begin() + 10, members.begin() + 20);  // shrinks
  write(members);
  Article stored;
  stored.id = members[5];
  stored.title = "A member";
  WriteBatch insertion;
  insertion.articles = {stored};
  ASSERT_TRUE(store_->Write(insertion).ok());
  WriteBatch removal;  // an article deleted out of the story
  removal.deleted_articles = {members[5]};
  ASSERT_TRUE(store_->Write(removal).ok());
  members.erase(members.begin() + 5);
  EXPECT_EQ(store_->GetStory("big")->articles, members);
  members.push_back("m7777");
  write(members);
  {
    // An id listed again keeps its first place, here after the part remembered.
    story.articles = members;
    story.articles.push_back(members[2]);
    story.articles.push_back("m8888");
    WriteBatch repeated;
    repeated.stories = {story};
    ASSERT_TRUE(store_->Write(repeated).ok());
    members.push_back("m8888");
    EXPECT_EQ(store_->GetStory("big")->articles, members);
    write(members);  // and the repeat dropped again
  }
  WriteBatch replaced;  // deleted and written again in one batch
  replaced.deleted_stories = {"big"};
  story.articles = {members.begin(), members.begin() + 70};
  replaced.stories = {story};
  ASSERT_TRUE(store_->Write(replaced).ok());
  Reopen();
  EXPECT_EQ(store_->GetStory("big")->articles, story.articles);
}

TEST_F(StoreTest, RefusesASchemaNewerThanItself) {
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((directory_ / "newsloom.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(directory_.string());
  EXPECT_EQ(store.status().code(), Status::Code::kUnsupported);
}

TEST_F(StoreTest, UsesWalMode) {
  EXPECT_TRUE(std::filesystem::exists(directory_ / "newsloom.sqlite-wal") ||
              std::filesystem::exists(directory_ / "newsloom.sqlite"));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((directory_ / "newsloom.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

}  // namespace
}  // namespace newsloom::store
