//! Optional real data read at run time from a directory the user gives (never copied into the
//! repository): NAV's STYRK-08 occupation titles and Norsk Ordbank's lemmas and compound analysis.
//! Filled in by the evaluation work; the embedded vocabulary stands on its own without it.
