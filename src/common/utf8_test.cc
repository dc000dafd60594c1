#include "common/utf8.h"

#include <gtest/gtest.h>

namespace newsloom {
namespace {

struct RepairCase {
  std::string input;
  std::string expected;
};

TEST(Utf8Test, RepairReplacesInvalidSequences) {
  const RepairCase kCases[] = {
      {"plain", "plain"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"bad\xFF"
       "byte",
       "bad\xEF\xBF\xBD"
       "byte"},
      {"truncated\xE2\x82", "truncated\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"overlong\xC0\xAF", "overlong\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate\xED\xA0\x80", "surrogate\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {std::string("nul\0byte", 8), "nulbyte"},
  };
  for (const auto& c : kCases) {
    std::string repaired = RepairUtf8(c.input);
    EXPECT_EQ(repaired, c.expected);
    EXPECT_TRUE(IsValidUtf8(repaired));
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  for (uint32_t code_point : {0x41u, 0xE9u, 0x20ACu, 0x1F600u}) {
    std::string encoded;
    AppendUtf8(code_point, &encoded);
    size_t position = 0;
    EXPECT_EQ(DecodeUtf8(encoded, &position), code_point);
    EXPECT_EQ(position, encoded.size());
  }
}

TEST(Utf8Test, LowerUtf8FoldsTheCapitalsOfEuropeanScripts) {
  EXPECT_EQ(LowerUtf8("Ähnliche ARTIKEL"), "ähnliche artikel");
  EXPECT_EQ(LowerUtf8("À LIRE AUSSI"), "à lire aussi");
  EXPECT_EQ(LowerUtf8("Читайте ТАКЖЕ"), "читайте также");
  EXPECT_EQ(LowerUtf8("ŁÓDŹ Ελλάδα ΆΈ"), "łódź ελλάδα άέ");
  EXPECT_EQ(LowerUtf8("東京 × ÷ ß"), "東京 × ÷ ß");
  std::string invalid =
      "A\xFF"
      "B";
  EXPECT_EQ(LowerUtf8(invalid),
            "a\xFF"
            "b");  // bytes it cannot decode stay as they are
}

TEST(Utf8Test, RepairMojibakeDecodesTextReadWithTheWrongCharset) {
  // UTF-8 read as Latin-1: the C1 controls give it away.
  EXPECT_EQ(RepairMojibake("Investor\xC3\xA2\xC2\x80\xC2\x99s Guide"), "Investor’s Guide");
  // UTF-8 read as Windows-1252.
  EXPECT_EQ(RepairMojibake("Investorâ€™s Guide — â€œquotedâ€\xC2\x9D"),
            "Investor’s Guide — “quoted”");
  EXPECT_EQ(RepairMojibake("cafÃ© crÃ¨me"), "café crème");
  EXPECT_EQ(RepairMojibake("ÐœÐ¾Ñ\xC2\x81ÐºÐ²Ð°"), "Москва");
  // Real text stays: French "é" before a quote, German "ß" before a soft hyphen.
  EXPECT_EQ(RepairMojibake("l'été’s end"), std::nullopt);
  EXPECT_EQ(RepairMojibake("Stra\xC3\x9F\xC2\xAD"
                           "e"),
            std::nullopt);
  EXPECT_EQ(RepairMojibake("plain ASCII"), std::nullopt);
  EXPECT_EQ(RepairMojibake("Ã"), std::nullopt);  // cut short
}

}  // namespace
}  // namespace newsloom
