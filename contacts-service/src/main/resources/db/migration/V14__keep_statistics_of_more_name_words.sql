-- The search asks the planner how many names hold the words typed (ContactSearch.nameWords) to choose how
-- to read them: keep the frequencies of the 10,000 commonest words rather than of about 1,000.
alter table contact alter column name_words set statistics 1000;
analyze contact (name_words);
