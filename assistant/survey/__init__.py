"""The customer survey: the questionnaire a map becomes, the responses read back from a spreadsheet, and what they
say about the journey."""
