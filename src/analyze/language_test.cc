#include "analyze/language.h"

#include <gtest/gtest.h>

namespace newsloom::analyze {
namespace {

struct LanguageCase {
  const char* text;
  const char* expected;
};

TEST(LanguageTest, DetectsTheLanguageOfRunningText) {
  const LanguageCase cases[] = {
      {"The prime minister said on Tuesday that the government would not change its policy "
       "on the war, despite growing pressure from opposition parties and voters.",
       "en"},
      {"Премьер-министр заявил во вторник, что правительство не изменит свою политику, "
       "несмотря на растущее давление со стороны оппозиционных партий и избирателей.",
       "ru"},
      {"Der Ministerpräsident sagte am Dienstag, die Regierung werde ihre Politik trotz des "
       "wachsenden Drucks der Oppositionsparteien und der Wähler nicht ändern.",
       "de"},
      {"Le Premier ministre a déclaré mardi que le gouvernement ne changerait pas sa politique "
       "malgré la pression croissante des partis d'opposition et des électeurs.",
       "fr"},
  };
  for (const LanguageCase& row : cases) {
    LanguageGuess guess = DetectLanguage(row.text);
    EXPECT_EQ(guess.code, row.expected) << row.text;
    EXPECT_TRUE(guess.reliable) << row.text;
    EXPECT_GT(guess.confidence, 0.8f) << row.text;
    EXPECT_LE(guess.confidence, 1.0f) << row.text;
  }
}

TEST(LanguageTest, UnsureInputIsUnd) {
  const char* cases[] = {"", "12345 67 890", "!!! ??? ...", "ok"};
  for (const char* text : cases) EXPECT_EQ(DetectLanguage(text).code, "und") << text;
}

TEST(LanguageTest, InvalidUtf8IsRepairedNotRefused) {
  std::string text =
      "The central bank raised interest rates again on Thursday, \xff\xfe saying inflation "
      "remained far too high for comfort \xc3 and that further increases were likely.";
  LanguageGuess guess = DetectLanguage(text);
  EXPECT_EQ(guess.code, "en");
}

TEST(LanguageTest, MainTextWinsOverAShortForeignPassage) {
  Article article;
  article.title = "Japan pledges more support for Ukraine";
  article.paragraphs = {
      {Paragraph::Kind::kText,
       "Japan's prime minister promised on Friday to keep supporting Ukraine, saying the "
       "country's security was tied to the outcome of the war in Europe."},
      {Paragraph::Kind::kText,
       "Officials in Tokyo said the new package would include power generators and funds for "
       "rebuilding damaged infrastructure before the winter."},
      {Paragraph::Kind::kText, "Читайте также: новости дня"},
  };
  // The sidebar the extractor dropped is not part of the article.
  article.description = "Читайте также наши другие новости, подписывайтесь на канал в Telegram";
  EXPECT_EQ(DetectArticleLanguage(article).code, "en");
}

TEST(LanguageTest, TitlesAlone) {
  EXPECT_EQ(DetectTitleLanguage("Президент России провёл совещание с членами правительства").code,
            "ru");
  EXPECT_EQ(DetectTitleLanguage("").code, "und");
}

TEST(LanguageTest, HugeInputIsCut) {
  std::string text;
  while (text.size() < (size_t(4) << 20))
    text += "The weather in the city was cold and rainy today. ";
  EXPECT_EQ(DetectLanguage(text).code, "en");
}

}  // namespace
}  // namespace newsloom::analyze
