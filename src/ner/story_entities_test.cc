#include "ner/story_entities.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/tagger.h"

namespace newsloom::ner {
namespace {

Entity Mention(Entity::Type type, std::string text, std::string canonical) {
  Entity entity;
  entity.type = type;
  entity.text = std::move(text);
  entity.canonical = std::move(canonical);
  return entity;
}

int CountOf(const std::vector<StoryEntity>& entities, std::string_view name) {
  for (const StoryEntity& entity : entities) {
    if (entity.name == name) return entity.count;
  }
  return 0;
}

TEST(VariantKeyTest, SpellingsShareAKey) {
  EXPECT_EQ(VariantKey("Zelensky"), VariantKey("Zelenskyy"));
  EXPECT_EQ(VariantKey("Zelensky"), VariantKey("Zelenskiy"));
  EXPECT_NE(VariantKey("Putin"), VariantKey("Zelensky"));
}

TEST(MergeStoryEntitiesTest, JoinsTitlesSurnamesVariantsAndDemonyms) {
  using Type = Entity::Type;
  Article first, second;
  first.entities = {
      Mention(Type::kPerson, "Prime Minister Shigeru Ishiba", "Shigeru Ishiba"),
      Mention(Type::kPerson, "Ishiba", "Ishiba"), Mention(Type::kPerson, "Zelensky", "Zelensky"),
      Mention(Type::kMisc, "Japanese", "Japan"), Mention(Type::kLocation, "Japan", "Japan")};
  second.entities = {Mention(Type::kPerson, "Shigeru Ishiba", "Shigeru Ishiba"),
                     Mention(Type::kPerson, "Zelenskyy", "Zelenskyy"),
                     Mention(Type::kPerson, "Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
                     Mention(Type::kLocation, "Japan", "Japan"),
                     Mention(Type::kPerson, "Putin", "Putin")};
  std::vector<StoryEntity> entities = MergeStoryEntities({&first, &second, nullptr});
  EXPECT_EQ(CountOf(entities, "Shigeru Ishiba"), 3);
  EXPECT_EQ(CountOf(entities, "Ishiba"), 0);
  EXPECT_EQ(CountOf(entities, "Volodymyr Zelenskyy"), 3);
  EXPECT_EQ(CountOf(entities, "Japan"), 3);
  EXPECT_EQ(CountOf(entities, "Putin"), 1);
  ASSERT_FALSE(entities.empty());
  for (size_t i = 1; i < entities.size(); ++i) {
    EXPECT_GE(entities[i - 1].count, entities[i].count);
  }
  for (const StoryEntity& entity : entities) {
    if (entity.name == "Japan") {
      EXPECT_EQ(entity.type, Type::kLocation);
    }
    if (entity.name == "Shigeru Ishiba") {
      EXPECT_EQ(entity.type, Type::kPerson);
    }
  }
}

TEST(MergeStoryEntitiesTest, EmptyStory) { EXPECT_TRUE(MergeStoryEntities({}).empty()); }

std::string Listing(const std::vector<StoryEntity>& entities) {
  std::string listing;
  for (const StoryEntity& entity : entities) {
    listing.append(entity.name).append("/").append(std::to_string(int(entity.type)));
    listing.append(" ").append(std::to_string(entity.count)).append("\n");
  }
  return listing;
}

// Articles naming people, places and organisations under spelling variants,
// surnames alone and swapped name orders.
std::vector<Article> VariedArticles(size_t count, uint32_t seed) {
  using Type = Entity::Type;
  const std::vector<std::pair<Type, std::string>> names = {{Type::kPerson, "Volodymyr Zelenskyy"},
                                                           {Type::kPerson, "Zelensky"},
                                                           {Type::kPerson, "Zelenskiy"},
                                                           {Type::kPerson, "Shigeru Ishiba"},
                                                           {Type::kPerson, "Ishiba"},
                                                           {Type::kPerson, "Kishida Fumio"},
                                                           {Type::kPerson, "Fumio Kishida"},
                                                           {Type::kPerson, "Roy Williams"},
                                                           {Type::kPerson, "Esther Williams"},
                                                           {Type::kPerson, "Williams"},
                                                           {Type::kLocation, "Japan"},
                                                           {Type::kMisc, "Japan"},
                                                           {Type::kOrganization, "Mitsubishi"},
                                                           {Type::kOrganization, "Mitsubishii"},
                                                           {Type::kLocation, "Kharkiv"},
                                                           {Type::kLocation, "Kharkov"}};
  uint32_t state = seed;
  auto next = [&](size_t size) {
    state = state * 1664525u + 1013904223u;
    return size_t(state >> 8) % size;
  };
  std::vector<Article> articles(count);
  for (size_t a = 0; a < count; ++a) {
    for (size_t m = 0, mentions = 1 + next(6); m < mentions; ++m) {
      const auto& [type, name] = names[next(names.size())];
      articles[a].entities.push_back(Mention(type, name, next(4) == 0 ? "" : name));
    }
  }
  return articles;
}

TEST(EntityTallyTest, AddRemoveAndAbsorbGiveWhatMergingTheRestGives) {
  std::vector<Article> articles = VariedArticles(120, 5);
  EntityTally first, second;
  for (size_t a = 0; a < articles.size(); ++a) (a % 3 == 0 ? second : first).Add(articles[a]);
  std::vector<bool> removed(articles.size(), false);
  auto kept_in_first = [&] {
    std::vector<const Article*> kept;
    for (size_t a = 0; a < articles.size(); ++a) {
      if (a % 3 != 0 && !removed[a]) kept.push_back(&articles[a]);
    }
    return kept;
  };
  for (size_t a = 0; a < articles.size(); a += 5) {
    if (a % 3 == 0) continue;
    first.Remove(articles[a]);
    removed[a] = true;
    // The cached pairs of names one edit apart stay right as names come and go.
    EXPECT_EQ(Listing(first.Merge()), Listing(MergeStoryEntities(kept_in_first())));
  }
  std::vector<const Article*> kept = kept_in_first();
  for (size_t a = 0; a < articles.size(); a += 3) kept.push_back(&articles[a]);
  first.Absorb(std::move(second));
  EXPECT_TRUE(second.empty());
  EXPECT_EQ(Listing(first.Merge()), Listing(MergeStoryEntities(kept)));
  // Every article gone: nothing left.
  for (const Article* article : kept) first.Remove(*article);
  EXPECT_TRUE(first.empty());
  EXPECT_TRUE(first.Merge().empty());
}

TEST(EntityTallyTest, TheOrderOfTheArticlesDoesNotMatter) {
  std::vector<Article> articles = VariedArticles(60, 9);
  std::vector<const Article*> forward, backward;
  for (const Article& article : articles) forward.push_back(&article);
  backward.assign(forward.rbegin(), forward.rend());
  std::vector<StoryEntity> entities = MergeStoryEntities(forward);
  EXPECT_EQ(Listing(entities), Listing(MergeStoryEntities(backward)));
  EXPECT_GT(entities.size(), 3u);
}

TEST(EntityTallyTest, AHugeNameIsCountedWithoutComparingItsSpellings) {
  Article article;
  std::string huge;  // no letter doubled: VariantKey keeps it whole
  for (int i = 0; i < 200000; ++i) huge.push_back(char('a' + i % 26));
  article.entities.push_back(Mention(Entity::Type::kPerson, huge, huge));
  huge.back() = 'b';
  article.entities.push_back(Mention(Entity::Type::kPerson, huge, huge));
  std::vector<StoryEntity> entities = MergeStoryEntities({&article});
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].count, 1);
}

// The seed pages: one story about Japan, Ukraine and the war. Each line of a
// seed file is a paragraph.
TEST(MergeStoryEntitiesTest, SeedStoryListsItsPeopleAndPlaces) {
  std::filesystem::path seeds = std::filesystem::path(NEWSLOOM_SHARED_DATA_DIR) / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no shared data at " << seeds;
  auto tagger = Tagger::FromEmbeddedModel();
  ASSERT_TRUE(tagger.ok());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) files.push_back(entry);
  std::sort(files.begin(), files.end());
  std::vector<Article> articles;
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file);
    Article article;
    article.id = file.stem().string();
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) article.paragraphs.push_back({Paragraph::Kind::kText, line});
    }
    (*tagger)->Tag(article);
    articles.push_back(std::move(article));
  }
  std::vector<const Article*> pointers;
  for (const Article& article : articles) pointers.push_back(&article);
  std::vector<StoryEntity> entities = MergeStoryEntities(pointers);
  std::string listing;
  for (const StoryEntity& entity : entities) {
    listing += entity.name + " " + std::to_string(entity.count) + "\n";
  }
  auto has = [&](std::string_view part, Entity::Type type) {
    for (const StoryEntity& entity : entities) {
      if (entity.type == type && entity.name.find(part) != std::string::npos) return true;
    }
    return false;
  };
  for (const char* person :
       {"Ishiba", "Kishida", "Zelensk", "Putin", "Trump", "Iwaya", "Lammy", "Sikorski", "Rutte"}) {
    EXPECT_TRUE(has(person, Entity::Type::kPerson)) << person << " missing in\n" << listing;
  }
  for (const char* place : {"Japan", "Ukraine", "Russia", "Tokyo"}) {
    EXPECT_TRUE(has(place, Entity::Type::kLocation)) << place << " missing in\n" << listing;
  }
  // One entry per person: no "Ishiba" beside "Shigeru Ishiba".
  int ishibas = 0;
  for (const StoryEntity& entity : entities) {
    if (entity.name.find("Ishiba") != std::string::npos) ++ishibas;
  }
  EXPECT_EQ(ishibas, 1) << listing;
  EXPECT_EQ(entities.front().name, "Japan") << listing;
}

}  // namespace
}  // namespace newsloom::ner
