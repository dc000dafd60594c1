// The model file: round trip, corruption, and the tagger on hostile text.
#include "ner/model.h"

#include <gtest/gtest.h>

#include <thread>

#include "ner/canonical.h"
#include "ner/labels.h"
#include "ner/tagger.h"

namespace newsloom::ner {
namespace {

Model SmallModel() {
  DenseWeights dense;
  dense.hashes = {7, 3, 11};
  dense.weights.assign(dense.hashes.size() * kLabelCount, 0.0f);
  dense.weights[0 * kLabelCount + MakeLabel(0, Position::kUnit)] = 2.5f;
  dense.weights[1 * kLabelCount + kOutside] = 1.0f;
  dense.weights[2 * kLabelCount + MakeLabel(2, Position::kUnit)] = -0.01f;  // pruned
  dense.transitions[0] = 0.5f;
  Gazetteer gazetteer;
  gazetteer.AddPhrase("New York", kCity);
  gazetteer.AddCountryAlias("Japanese", "Japan");
  WordClasses classes;
  classes.Set("Tokyo", 4);
  return Model::FromDense(dense, 0.05f, std::move(gazetteer), std::move(classes));
}

TEST(ModelTest, RoundTripKeepsEveryByte) {
  Model model = SmallModel();
  EXPECT_EQ(model.feature_count(), 2u);
  std::string bytes = model.Serialize();
  Result<Model> parsed = Model::Parse(bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->Serialize(), bytes);
  EXPECT_EQ(parsed->gazetteer().CountryOf("japanese"), "Japan");
  EXPECT_EQ(parsed->classes().ClassOf("Tokyo"), 4);
  float scores[kLabelCount] = {};
  uint32_t features[] = {7, 3, 99};
  parsed->Score(features, features + 3, scores);
  EXPECT_NEAR(scores[MakeLabel(0, Position::kUnit)], 2.5f, 1e-3);
  EXPECT_NEAR(scores[kOutside], 1.0f, 1e-3);
}

TEST(ModelTest, CorruptFilesAreRefused) {
  std::string bytes = SmallModel().Serialize();
  EXPECT_FALSE(Model::Parse("").ok());
  EXPECT_FALSE(Model::Parse("not a model at all").ok());
  for (size_t cut : {size_t(8), size_t(20), bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_FALSE(Model::Parse(bytes.substr(0, cut)).ok()) << "cut at " << cut;
  }
  for (size_t i = 0; i < bytes.size(); i += 7) {
    std::string flipped = bytes;
    flipped[i] = char(flipped[i] ^ 0x5A);
    EXPECT_FALSE(Model::Parse(flipped).ok()) << "flipped byte " << i;
  }
  EXPECT_FALSE(Model::Parse(bytes + "x").ok());
}

// Structurally broken files whose checksum is right are refused too.
TEST(ModelTest, MalformedBodiesWithValidChecksumAreRefused) {
  std::string bytes = SmallModel().Serialize();
  std::string magic = bytes.substr(0, 8);
  auto sealed = [](std::string body) {
    ByteWriter writer;
    writer.bytes() = body;
    writer.U32(ModelChecksum(body));
    return writer.bytes();
  };
  EXPECT_FALSE(Model::Parse(sealed(magic + "\xff\xff\xff\xff")).ok());
  std::string body = bytes.substr(0, bytes.size() - 4);
  for (size_t i = 8; i < body.size(); i += 3) {
    std::string broken = body;
    broken[i] = char(0xFF);
    Result<Model> parsed = Model::Parse(sealed(broken));
    if (parsed.ok()) parsed->Serialize();  // some bytes are free weights: fine
  }
  for (size_t cut = 8; cut < body.size(); cut += 5) {
    EXPECT_FALSE(Model::Parse(sealed(body.substr(0, cut))).ok()) << "cut at " << cut;
  }
}

TEST(ModelTest, EmbeddedModelLoads) {
  Result<std::unique_ptr<Tagger>> tagger = Tagger::FromEmbeddedModel();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_GT((*tagger)->model().feature_count(), 1000u);
}

// One paragraph of `text`, tagged by the embedded model.
Article Tagged(std::string text) {
  Article article;
  article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
  auto tagger = Tagger::FromEmbeddedModel();
  EXPECT_TRUE(tagger.ok());
  if (tagger.ok()) (*tagger)->Tag(article);
  return article;
}

TEST(TaggerTest, FindsNamesWithOffsets) {
  Article article = Tagged(
      "Japanese Prime Minister Shigeru Ishiba met Ukrainian President Volodymyr Zelensky "
      "in Tokyo on Monday, the Foreign Ministry said.");
  bool ishiba = false, tokyo = false, japan = false;
  for (const Entity& entity : article.entities) {
    const std::string& text = article.paragraphs[entity.paragraph].text;
    ASSERT_LE(entity.offset + entity.text.size(), text.size());
    EXPECT_EQ(text.substr(entity.offset, entity.text.size()), entity.text);
    if (entity.canonical == "Shigeru Ishiba" && entity.type == Entity::Type::kPerson) {
      ishiba = true;
    }
    if (entity.text == "Tokyo" && entity.type == Entity::Type::kLocation) tokyo = true;
    if (entity.text == "Japanese" && entity.canonical == "Japan") {
      japan = true;
      EXPECT_EQ(entity.type, Entity::Type::kLocation);  // the demonym points to a place
    }
  }
  EXPECT_TRUE(ishiba);
  EXPECT_TRUE(tokyo);
  EXPECT_TRUE(japan);
}

TEST(TaggerTest, AnAllCapitalsDatelineNamesThePlaceInItsUsualCase) {
  Article article = Tagged(
      "TOKYO: Japanese Foreign Minister Takeshi Iwaya said on Tuesday that the ban was "
      "unacceptable, and NATO officials agreed.");
  bool tokyo = false;
  for (const Entity& entity : article.entities) {
    if (entity.text == "TOKYO") {
      tokyo = true;
      EXPECT_EQ(entity.canonical, "Tokyo");
    }
    if (entity.text == "NATO") {
      EXPECT_EQ(entity.canonical, "NATO");  // not a place it knows
    }
  }
  EXPECT_TRUE(tokyo);
}

TEST(CanonicalNameTest, AWordThatOpensASentenceIsNoPartOfAName) {
  auto tagger = Tagger::FromEmbeddedModel();
  ASSERT_TRUE(tagger.ok());
  const Gazetteer& gazetteer = (*tagger)->model().gazetteer();
  for (const auto& [text, canonical] : std::vector<std::pair<std::string, std::string>>{
           {"Because Internet Explorer", "Internet Explorer"},
           {"An IFrame", "IFrame"},
           {"As Security Fix", "Security Fix"},
           {"Well", ""},
           {"The Hague", "The Hague"},
           {"Will Smith", "Will Smith"},
           {"Theresa May", "Theresa May"}}) {
    Entity::Type type = Entity::Type::kOrganization;
    EXPECT_EQ(CanonicalName(text, &type, gazetteer), canonical) << text;
  }
}

TEST(TaggerTest, HostileTextNeverCrashes) {
  auto tagger = Tagger::FromEmbeddedModel();
  ASSERT_TRUE(tagger.ok());
  Article article;
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk.push_back(char((i * 151 + 3) % 256));
  article.paragraphs.push_back({Paragraph::Kind::kText, junk});
  article.paragraphs.push_back({Paragraph::Kind::kText, std::string(200000, 'A')});
  std::string words;
  for (int i = 0; i < 30000; ++i) words += "Smith ";
  article.paragraphs.push_back({Paragraph::Kind::kText, words});
  article.paragraphs.push_back({Paragraph::Kind::kText, "\xC3\x28 \xE2\x82 Paris \xFF"});
  (*tagger)->Tag(article);
  for (const Entity& entity : article.entities) {
    EXPECT_LE(entity.offset + entity.text.size(), article.paragraphs[entity.paragraph].text.size());
  }
  Article empty;
  (*tagger)->Tag(empty);
  EXPECT_TRUE(empty.entities.empty());
}

// One Tagger serves several threads at once (run under TSan to check).
TEST(TaggerTest, ConcurrentTaggingAgrees) {
  auto tagger = Tagger::FromEmbeddedModel();
  ASSERT_TRUE(tagger.ok());
  Article article;
  article.paragraphs.push_back(
      {Paragraph::Kind::kText, "British foreign minister David Lammy met NATO chief Mark Rutte."});
  Article expected = article;
  (*tagger)->Tag(expected);
  std::vector<Article> copies(4, article);
  std::vector<std::thread> threads;
  for (Article& copy : copies) {
    threads.emplace_back([&tagger, &copy] { (*tagger)->Tag(copy); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Article& copy : copies) {
    ASSERT_EQ(copy.entities.size(), expected.entities.size());
    for (size_t i = 0; i < copy.entities.size(); ++i) {
      EXPECT_EQ(copy.entities[i].canonical, expected.entities[i].canonical);
    }
  }
}

TEST(LabelsTest, IobAndBilouAgree) {
  std::vector<std::string> iob1 = {"I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "I-MISC"};
  std::vector<Span> spans = SpansFromIob(iob1);
  ASSERT_EQ(spans.size(), 5u);
  std::vector<int> labels = LabelsFromSpans(spans, int(iob1.size()));
  std::vector<Span> back = SpansFromLabels(labels);
  ASSERT_EQ(back.size(), spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    EXPECT_EQ(back[i].begin, spans[i].begin);
    EXPECT_EQ(back[i].end, spans[i].end);
    EXPECT_EQ(back[i].type, spans[i].type);
  }
  EXPECT_EQ(IobFromSpans(spans, 7),
            (std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "B-MISC"}));
}

}  // namespace
}  // namespace newsloom::ner
