"""Page images → text: Tesseract (`engine`), ruled tables (`tablegrid`, `cells`),
page assembly (`layout`), second readings (`reread`), one page (`page`)."""
