-- A populated craftwave 0.1.0 database (Alembic head 0002_researcher): the 10-person demo,
-- made with craftwave demo --participants 10 --no-reports. tests/survey_app/test_migrations.py
-- upgrades it to the current head and checks that every answer survives.
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0002_researcher');
CREATE TABLE answer_history (
	id INTEGER NOT NULL, 
	participant_id INTEGER NOT NULL, 
	wave INTEGER NOT NULL, 
	instrument_id VARCHAR(64) NOT NULL, 
	item_id VARCHAR(64) NOT NULL, 
	old_value FLOAT, 
	new_value FLOAT, 
	page VARCHAR(64) NOT NULL, 
	changed_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE TABLE answers (
	id INTEGER NOT NULL, 
	participant_id INTEGER NOT NULL, 
	wave INTEGER NOT NULL, 
	instrument_id VARCHAR(64) NOT NULL, 
	instrument_version VARCHAR(32) NOT NULL, 
	instrument_hash VARCHAR(64) NOT NULL, 
	item_id VARCHAR(64) NOT NULL, 
	value FLOAT NOT NULL, 
	page VARCHAR(64) NOT NULL, 
	submitted_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_answer UNIQUE (participant_id, wave, instrument_id, item_id), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
INSERT INTO "answers" VALUES(1,1,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-06 09:18:54.868471');
INSERT INTO "answers" VALUES(2,1,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-06 09:18:54.868471');
INSERT INTO "answers" VALUES(3,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(4,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(5,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(6,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',1.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(7,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',1.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(8,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(9,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',10.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(10,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',3.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(11,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',1.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(12,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',11.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(13,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',5.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(14,1,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',2.0,'profile','2026-04-06 09:20:20.637394');
INSERT INTO "answers" VALUES(15,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',5.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(16,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(17,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',4.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(18,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',2.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(19,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',3.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(20,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(21,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',3.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(22,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',4.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(23,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(24,1,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',1.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(25,1,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-04-06 09:21:22.891857');
INSERT INTO "answers" VALUES(26,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',4.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(27,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(28,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',2.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(29,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(30,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(31,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',2.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(32,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',3.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(33,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(34,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(35,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(36,1,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-04-06 09:22:11.331923');
INSERT INTO "answers" VALUES(37,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',2.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(38,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',2.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(39,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(40,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',3.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(41,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',4.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(42,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',4.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(43,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(44,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(45,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',3.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(46,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',4.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(47,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(48,1,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',5.0,'community','2026-04-06 09:23:25.946063');
INSERT INTO "answers" VALUES(49,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(50,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',5.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(51,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(52,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',3.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(53,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(54,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',2.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(55,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',5.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(56,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(57,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(58,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',5.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(59,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(60,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(61,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(62,1,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',3.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(63,1,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-06 09:24:44.392738');
INSERT INTO "answers" VALUES(64,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',1.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(65,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',2.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(66,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',5.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(67,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',2.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(68,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',1.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(69,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',2.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(70,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(71,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',1.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(72,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',2.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(73,1,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',3.0,'meaning','2026-04-06 09:25:39.392242');
INSERT INTO "answers" VALUES(74,2,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-06 10:19:11.172992');
INSERT INTO "answers" VALUES(75,2,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-06 10:19:11.172992');
INSERT INTO "answers" VALUES(76,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(77,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(78,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(79,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',1.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(80,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',1.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(81,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(82,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',8.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(83,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',5.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(84,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',2.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(85,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',10.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(86,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',2.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(87,2,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',1.0,'profile','2026-04-06 10:19:36.020557');
INSERT INTO "answers" VALUES(88,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',2.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(89,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',2.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(90,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(91,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',4.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(92,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',2.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(93,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',3.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(94,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',1.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(95,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(96,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',4.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(97,2,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(98,2,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-04-06 10:20:32.926148');
INSERT INTO "answers" VALUES(99,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',1.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(100,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(101,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',1.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(102,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(103,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(104,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',2.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(105,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(106,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',5.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(107,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',2.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(108,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',1.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(109,2,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',2.0,'collaborative','2026-04-06 10:21:26.791213');
INSERT INTO "answers" VALUES(110,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',2.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(111,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(112,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',4.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(113,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',2.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(114,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',3.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(115,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(116,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(117,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(118,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(119,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(120,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(121,2,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-04-06 10:22:08.374966');
INSERT INTO "answers" VALUES(122,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(123,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',5.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(124,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(125,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',3.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(126,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',1.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(127,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',2.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(128,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',4.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(129,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(130,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(131,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(132,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(133,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',1.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(134,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(135,2,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',4.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(136,2,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-06 10:23:06.876818');
INSERT INTO "answers" VALUES(137,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',1.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(138,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(139,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',1.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(140,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(141,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',4.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(142,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',3.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(143,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(144,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',2.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(145,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',5.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(146,2,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',1.0,'meaning','2026-04-06 10:23:55.449823');
INSERT INTO "answers" VALUES(147,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',5.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(148,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',6.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(149,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',7.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(150,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',5.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(151,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',2.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(152,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',2.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(153,2,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',4.0,'commitment','2026-04-06 10:24:33.692058');
INSERT INTO "answers" VALUES(154,3,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-07 22:22:22.725789');
INSERT INTO "answers" VALUES(155,3,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-07 22:22:22.725789');
INSERT INTO "answers" VALUES(156,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(157,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',1.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(158,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',1.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(159,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',1.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(160,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',0.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(161,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',1.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(162,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',26.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(163,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',4.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(164,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',1.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(165,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',12.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(166,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',4.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(167,3,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',3.0,'profile','2026-04-07 22:23:12.311842');
INSERT INTO "answers" VALUES(168,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',4.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(169,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(170,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(171,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',4.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(172,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',1.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(173,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',1.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(174,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',5.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(175,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(176,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',2.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(177,3,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',1.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(178,3,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-04-07 22:23:45.488195');
INSERT INTO "answers" VALUES(179,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',2.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(180,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(181,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(182,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(183,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(184,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(185,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',4.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(186,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',4.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(187,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',5.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(188,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',4.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(189,3,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',3.0,'collaborative','2026-04-07 22:25:01.518637');
INSERT INTO "answers" VALUES(190,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(191,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(192,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(193,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(194,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(195,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(196,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(197,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(198,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(199,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(200,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(201,3,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-04-07 22:25:31.010583');
INSERT INTO "answers" VALUES(202,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',4.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(203,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',1.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(204,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(205,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',5.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(206,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(207,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(208,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',4.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(209,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',2.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(210,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',2.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(211,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',1.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(212,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',3.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(213,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',2.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(214,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',3.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(215,3,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',3.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(216,3,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-07 22:27:05.160756');
INSERT INTO "answers" VALUES(217,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',4.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(218,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',1.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(219,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',2.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(220,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(221,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(222,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',4.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(223,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(224,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',4.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(225,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',5.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(226,3,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',2.0,'meaning','2026-04-07 22:27:37.395145');
INSERT INTO "answers" VALUES(227,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',5.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(228,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',2.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(229,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',7.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(230,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',4.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(231,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',3.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(232,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',2.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(233,3,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',1.0,'commitment','2026-04-07 22:28:00.199572');
INSERT INTO "answers" VALUES(234,4,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-08 00:38:39.301138');
INSERT INTO "answers" VALUES(235,4,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-08 00:38:39.301138');
INSERT INTO "answers" VALUES(236,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(237,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(238,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(239,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',1.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(240,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',0.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(241,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(242,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',9.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(243,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',4.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(244,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',3.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(245,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',16.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(246,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',2.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(247,4,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',2.0,'profile','2026-04-08 00:39:06.826089');
INSERT INTO "answers" VALUES(248,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',1.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(249,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',2.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(250,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',1.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(251,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',5.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(252,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',1.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(253,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(254,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',1.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(255,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',2.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(256,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(257,4,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',3.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(258,4,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',3.0,'crafting','2026-04-08 00:40:01.626858');
INSERT INTO "answers" VALUES(259,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',1.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(260,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(261,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',2.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(262,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(263,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',3.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(264,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(265,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(266,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',4.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(267,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',1.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(268,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',3.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(269,4,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-04-08 00:40:41.781245');
INSERT INTO "answers" VALUES(270,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',3.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(271,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(272,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(273,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(274,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(275,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(276,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(277,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',2.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(278,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(279,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(280,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(281,4,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',2.0,'community','2026-04-08 00:41:37.414584');
INSERT INTO "answers" VALUES(282,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',2.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(283,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',3.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(284,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(285,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',3.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(286,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(287,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',1.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(288,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',3.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(289,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(290,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(291,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',5.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(292,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(293,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',2.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(294,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(295,4,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',3.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(296,4,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-08 00:42:20.908987');
INSERT INTO "answers" VALUES(297,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',4.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(298,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(299,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',3.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(300,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(301,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(302,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(303,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',3.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(304,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',4.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(305,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',4.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(306,4,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',2.0,'meaning','2026-04-08 00:43:00.372832');
INSERT INTO "answers" VALUES(307,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',6.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(308,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',3.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(309,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',3.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(310,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',1.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(311,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',2.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(312,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',3.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(313,4,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',1.0,'commitment','2026-04-08 00:43:42.456979');
INSERT INTO "answers" VALUES(314,5,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-08 02:54:11.559390');
INSERT INTO "answers" VALUES(315,5,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-08 02:54:11.559390');
INSERT INTO "answers" VALUES(316,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(317,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(318,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(319,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',1.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(320,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',0.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(321,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(322,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',12.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(323,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',2.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(324,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',1.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(325,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',14.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(326,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',2.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(327,5,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',1.0,'profile','2026-04-08 02:54:27.410784');
INSERT INTO "answers" VALUES(328,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',5.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(329,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(330,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',5.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(331,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',5.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(332,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',2.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(333,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',5.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(334,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',1.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(335,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',2.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(336,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(337,5,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',4.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(338,5,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',1.0,'crafting','2026-04-08 02:54:40.326584');
INSERT INTO "answers" VALUES(339,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',1.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(340,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',3.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(341,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',5.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(342,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(343,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',3.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(344,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',3.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(345,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(346,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(347,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',2.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(348,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',4.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(349,5,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',2.0,'collaborative','2026-04-08 02:54:51.354184');
INSERT INTO "answers" VALUES(350,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',2.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(351,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',4.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(352,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(353,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',2.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(354,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(355,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',3.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(356,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',4.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(357,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',3.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(358,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',5.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(359,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',98.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(360,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(361,5,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',4.0,'community','2026-04-08 02:55:01.287634');
INSERT INTO "answers" VALUES(362,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',3.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(363,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',2.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(364,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(365,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',4.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(366,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(367,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',2.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(368,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',4.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(369,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',4.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(370,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(371,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',1.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(372,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',5.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(373,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',1.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(374,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',3.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(375,5,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(376,5,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',2.0,'resilience','2026-04-08 02:55:27.267689');
INSERT INTO "answers" VALUES(377,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(378,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',1.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(379,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',1.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(380,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',1.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(381,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',2.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(382,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',2.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(383,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(384,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',5.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(385,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',1.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(386,5,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',4.0,'meaning','2026-04-08 02:55:38.784556');
INSERT INTO "answers" VALUES(387,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',4.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(388,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(389,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',6.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(390,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',5.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(391,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',3.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(392,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',4.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(393,5,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',2.0,'commitment','2026-04-08 02:55:52.021037');
INSERT INTO "answers" VALUES(394,6,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-08 14:29:29.292937');
INSERT INTO "answers" VALUES(395,6,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-08 14:29:29.292937');
INSERT INTO "answers" VALUES(396,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(397,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(398,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(399,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',0.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(400,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',1.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(401,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(402,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',15.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(403,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',2.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(404,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',3.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(405,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',5.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(406,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',2.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(407,6,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',1.0,'profile','2026-04-08 14:30:13.441773');
INSERT INTO "answers" VALUES(408,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',5.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(409,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',5.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(410,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',2.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(411,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',4.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(412,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',2.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(413,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(414,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',1.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(415,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(416,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(417,6,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',1.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(418,6,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-04-08 14:30:50.705251');
INSERT INTO "answers" VALUES(419,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',5.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(420,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(421,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(422,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',2.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(423,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(424,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',3.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(425,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(426,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',4.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(427,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(428,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',5.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(429,6,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-04-08 14:31:41.652574');
INSERT INTO "answers" VALUES(430,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',3.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(431,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',2.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(432,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',4.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(433,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',4.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(434,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',4.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(435,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(436,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(437,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(438,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(439,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(440,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(441,6,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',2.0,'community','2026-04-08 14:33:01.021128');
INSERT INTO "answers" VALUES(442,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',4.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(443,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',2.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(444,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(445,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(446,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(447,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',5.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(448,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',4.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(449,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',5.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(450,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',5.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(451,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',5.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(452,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',4.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(453,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(454,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',5.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(455,6,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',2.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(456,6,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-08 14:34:01.589631');
INSERT INTO "answers" VALUES(457,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(458,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',4.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(459,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',4.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(460,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',4.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(461,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',5.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(462,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(463,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',3.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(464,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',2.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(465,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',4.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(466,6,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',3.0,'meaning','2026-04-08 14:35:12.450454');
INSERT INTO "answers" VALUES(467,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',6.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(468,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',6.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(469,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',6.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(470,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',5.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(471,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',2.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(472,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',6.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(473,6,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',4.0,'commitment','2026-04-08 14:35:45.775145');
INSERT INTO "answers" VALUES(474,7,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-09 06:12:25.051761');
INSERT INTO "answers" VALUES(475,7,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-09 06:12:25.051761');
INSERT INTO "answers" VALUES(476,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(477,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(478,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(479,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',0.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(480,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',1.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(481,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(482,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',5.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(483,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',3.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(484,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',1.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(485,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',5.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(486,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',5.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(487,7,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',1.0,'profile','2026-04-09 06:13:59.295923');
INSERT INTO "answers" VALUES(488,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',2.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(489,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(490,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(491,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',2.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(492,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',3.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(493,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',4.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(494,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',2.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(495,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',2.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(496,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',2.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(497,7,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',5.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(498,7,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-04-09 06:14:32.320324');
INSERT INTO "answers" VALUES(499,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',1.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(500,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(501,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',1.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(502,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(503,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(504,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(505,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(506,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',4.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(507,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',1.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(508,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',4.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(509,7,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-04-09 06:15:17.279000');
INSERT INTO "answers" VALUES(510,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',5.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(511,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',3.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(512,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',4.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(513,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',5.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(514,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',4.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(515,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',4.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(516,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',3.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(517,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',5.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(518,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',4.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(519,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',98.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(520,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(521,7,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',4.0,'community','2026-04-09 06:16:12.445901');
INSERT INTO "answers" VALUES(522,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',3.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(523,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',3.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(524,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(525,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(526,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(527,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(528,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',4.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(529,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',3.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(530,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',4.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(531,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(532,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(533,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(534,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',4.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(535,7,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(536,7,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-09 06:17:25.322353');
INSERT INTO "answers" VALUES(537,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',1.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(538,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',3.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(539,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',3.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(540,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',2.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(541,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(542,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',2.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(543,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',4.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(544,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',1.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(545,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',2.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(546,7,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',3.0,'meaning','2026-04-09 06:18:15.968761');
INSERT INTO "answers" VALUES(547,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',7.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(548,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(549,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',5.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(550,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',4.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(551,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',7.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(552,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',5.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(553,7,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',6.0,'commitment','2026-04-09 06:19:10.108538');
INSERT INTO "answers" VALUES(554,8,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-09 13:44:03.933094');
INSERT INTO "answers" VALUES(555,8,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-09 13:44:03.933094');
INSERT INTO "answers" VALUES(556,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(557,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(558,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',0.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(559,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',1.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(560,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',1.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(561,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',1.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(562,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',21.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(563,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',4.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(564,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',1.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(565,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',1.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(566,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',4.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(567,8,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',1.0,'profile','2026-04-09 13:45:05.916407');
INSERT INTO "answers" VALUES(568,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',2.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(569,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(570,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',1.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(571,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',5.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(572,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',4.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(573,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',1.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(574,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',4.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(575,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(576,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(577,8,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',5.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(578,8,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-04-09 13:45:27.868755');
INSERT INTO "answers" VALUES(579,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',3.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(580,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(581,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',5.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(582,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',2.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(583,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',3.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(584,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',4.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(585,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',2.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(586,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',2.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(587,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',4.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(588,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',1.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(589,8,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-04-09 13:46:52.267154');
INSERT INTO "answers" VALUES(590,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(591,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(592,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(593,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(594,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(595,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(596,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(597,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(598,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(599,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(600,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(601,8,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-04-09 13:47:38.907525');
INSERT INTO "answers" VALUES(602,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',2.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(603,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',3.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(604,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(605,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(606,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',1.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(607,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',1.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(608,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',5.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(609,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',4.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(610,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',2.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(611,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',5.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(612,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(613,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(614,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(615,8,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',5.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(616,8,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',5.0,'resilience','2026-04-09 13:48:44.816289');
INSERT INTO "answers" VALUES(617,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',5.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(618,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(619,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',1.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(620,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(621,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(622,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',2.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(623,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',3.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(624,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',2.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(625,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',3.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(626,8,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',3.0,'meaning','2026-04-09 13:49:26.654834');
INSERT INTO "answers" VALUES(627,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',3.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(628,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',4.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(629,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',7.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(630,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',5.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(631,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',2.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(632,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',4.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(633,8,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',6.0,'commitment','2026-04-09 13:49:53.108207');
INSERT INTO "answers" VALUES(634,9,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','gig_work',1.0,'screening','2026-04-09 16:04:23.099028');
INSERT INTO "answers" VALUES(635,9,1,'screening','2026-11-v1','e46f2e1df1bc1fd1232655691dffad80b145bf347f9a68c5b4987f6a9ceeead1','adult',1.0,'screening','2026-04-09 16:04:23.099028');
INSERT INTO "answers" VALUES(636,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_delivery',0.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(637,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_rides',0.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(638,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_home',1.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(639,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_micro',0.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(640,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_freelance',1.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(641,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','platform_other',0.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(642,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','hours',32.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(643,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','tenure',4.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(644,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','income_share',4.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(645,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','country',90.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(646,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','age',2.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(647,9,1,'profile','1.0','1703c125d33d1c8fd458df919cdc358405ea0430b29604acd9bad89de3d9c713','gender',2.0,'profile','2026-04-09 16:04:36.413612');
INSERT INTO "answers" VALUES(648,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',3.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(649,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',5.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(650,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',4.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(651,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',1.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(652,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',5.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(653,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(654,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',5.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(655,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',4.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(656,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',2.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(657,9,1,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(658,9,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',1.0,'crafting','2026-04-09 16:04:50.486355');
INSERT INTO "answers" VALUES(659,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',2.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(660,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(661,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(662,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',1.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(663,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',3.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(664,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',2.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(665,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',2.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(666,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',2.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(667,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',1.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(668,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',3.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(669,9,1,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',3.0,'collaborative','2026-04-09 16:05:03.165001');
INSERT INTO "answers" VALUES(670,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',3.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(671,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',3.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(672,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',5.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(673,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',3.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(674,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',4.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(675,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',4.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(676,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',3.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(677,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',4.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(678,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',2.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(679,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',2.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(680,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',3.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(681,9,1,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',3.0,'community','2026-04-09 16:05:09.949476');
INSERT INTO "answers" VALUES(682,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',5.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(683,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',2.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(684,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(685,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',3.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(686,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(687,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',5.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(688,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',5.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(689,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',3.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(690,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',4.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(691,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',4.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(692,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',3.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(693,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',2.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(694,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',3.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(695,9,1,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',4.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(696,9,1,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','2',2.0,'resilience','2026-04-09 16:05:31.122585');
INSERT INTO "answers" VALUES(697,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(698,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(699,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',4.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(700,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',1.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(701,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(702,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(703,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(704,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',2.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(705,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',2.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(706,9,1,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',4.0,'meaning','2026-04-09 16:05:43.800673');
INSERT INTO "answers" VALUES(707,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',2.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(708,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',7.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(709,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',3.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(710,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',1.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(711,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',5.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(712,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',7.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(713,9,1,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',4.0,'commitment','2026-04-09 16:05:48.233912');
INSERT INTO "answers" VALUES(714,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',3.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(715,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',2.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(716,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',2.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(717,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',3.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(718,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',2.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(719,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(720,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',3.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(721,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',4.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(722,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',2.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(723,6,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(724,6,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'crafting','2026-07-09 06:21:22.938439');
INSERT INTO "answers" VALUES(725,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',3.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(726,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(727,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',4.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(728,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(729,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(730,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',3.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(731,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',2.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(732,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',5.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(733,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',4.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(734,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',3.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(735,6,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-07-09 06:22:25.139192');
INSERT INTO "answers" VALUES(736,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',3.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(737,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(738,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(739,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',4.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(740,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',2.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(741,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',2.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(742,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(743,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(744,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(745,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',2.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(746,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(747,6,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',2.0,'community','2026-07-09 06:23:48.425941');
INSERT INTO "answers" VALUES(748,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',2.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(749,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',2.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(750,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',3.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(751,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',2.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(752,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(753,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(754,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',1.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(755,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',4.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(756,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(757,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',2.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(758,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',3.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(759,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(760,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',4.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(761,6,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(762,6,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',4.0,'resilience','2026-07-09 06:24:49.503609');
INSERT INTO "answers" VALUES(763,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(764,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',1.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(765,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',4.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(766,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',2.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(767,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',1.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(768,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',3.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(769,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(770,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',1.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(771,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',1.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(772,6,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',5.0,'meaning','2026-07-09 06:25:11.590278');
INSERT INTO "answers" VALUES(773,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',2.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(774,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(775,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',1.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(776,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',3.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(777,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',4.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(778,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',1.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(779,6,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',1.0,'commitment','2026-07-09 06:25:32.571495');
INSERT INTO "answers" VALUES(780,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',3.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(781,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',2.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(782,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(783,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',5.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(784,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',1.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(785,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',1.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(786,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',4.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(787,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',3.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(788,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(789,4,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',4.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(790,4,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'crafting','2026-07-09 07:23:06.398693');
INSERT INTO "answers" VALUES(791,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',1.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(792,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(793,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',2.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(794,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(795,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(796,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(797,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(798,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',5.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(799,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(800,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',1.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(801,4,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',3.0,'collaborative','2026-07-09 07:23:27.980601');
INSERT INTO "answers" VALUES(802,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(803,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(804,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(805,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(806,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(807,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(808,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(809,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(810,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(811,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(812,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(813,4,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-07-09 07:24:40.258943');
INSERT INTO "answers" VALUES(814,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',2.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(815,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',1.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(816,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(817,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',5.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(818,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(819,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',2.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(820,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',2.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(821,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',3.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(822,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',4.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(823,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',4.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(824,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(825,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',2.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(826,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(827,4,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',3.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(828,4,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',4.0,'resilience','2026-07-09 07:25:33.213394');
INSERT INTO "answers" VALUES(829,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',2.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(830,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',3.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(831,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',5.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(832,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',4.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(833,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',2.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(834,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',3.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(835,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(836,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',3.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(837,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',3.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(838,4,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',2.0,'meaning','2026-07-09 07:26:17.572107');
INSERT INTO "answers" VALUES(839,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',3.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(840,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',4.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(841,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',4.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(842,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',4.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(843,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',4.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(844,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',1.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(845,4,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',1.0,'commitment','2026-07-09 07:26:47.248700');
INSERT INTO "answers" VALUES(846,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',5.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(847,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',5.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(848,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(849,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',1.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(850,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',5.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(851,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',1.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(852,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',3.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(853,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',4.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(854,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',3.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(855,8,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',1.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(856,8,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'crafting','2026-07-10 10:55:29.387473');
INSERT INTO "answers" VALUES(857,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',4.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(858,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(859,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(860,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(861,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(862,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(863,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',3.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(864,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',4.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(865,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(866,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(867,8,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-07-10 10:56:29.243434');
INSERT INTO "answers" VALUES(868,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',1.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(869,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',2.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(870,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(871,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',2.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(872,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',3.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(873,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(874,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',3.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(875,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',3.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(876,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(877,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(878,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(879,8,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-07-10 10:57:33.764433');
INSERT INTO "answers" VALUES(880,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(881,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',4.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(882,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(883,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',5.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(884,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',1.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(885,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',5.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(886,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',5.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(887,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(888,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',2.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(889,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',2.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(890,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(891,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',3.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(892,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(893,8,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',5.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(894,8,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',4.0,'resilience','2026-07-10 10:58:25.936974');
INSERT INTO "answers" VALUES(895,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(896,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',4.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(897,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',1.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(898,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(899,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',2.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(900,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(901,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',1.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(902,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',3.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(903,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',4.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(904,8,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',1.0,'meaning','2026-07-10 10:59:03.672464');
INSERT INTO "answers" VALUES(905,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',7.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(906,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(907,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',6.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(908,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',7.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(909,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',1.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(910,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',3.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(911,8,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',4.0,'commitment','2026-07-10 10:59:47.297063');
INSERT INTO "answers" VALUES(912,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',2.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(913,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',3.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(914,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(915,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',1.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(916,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',4.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(917,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(918,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',2.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(919,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(920,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',4.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(921,3,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',3.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(922,3,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'crafting','2026-07-10 23:48:59.057860');
INSERT INTO "answers" VALUES(923,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',4.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(924,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(925,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',2.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(926,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',5.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(927,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(928,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(929,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(930,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',4.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(931,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(932,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',1.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(933,3,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-07-10 23:49:25.440453');
INSERT INTO "answers" VALUES(934,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(935,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',3.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(936,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(937,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(938,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(939,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(940,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(941,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(942,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(943,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(944,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(945,3,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-07-10 23:50:26.991172');
INSERT INTO "answers" VALUES(946,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(947,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',4.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(948,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(949,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',3.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(950,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(951,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',1.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(952,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(953,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(954,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(955,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(956,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(957,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',1.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(958,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(959,3,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',2.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(960,3,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',4.0,'resilience','2026-07-10 23:51:33.602391');
INSERT INTO "answers" VALUES(961,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',4.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(962,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',2.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(963,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',3.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(964,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(965,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',4.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(966,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',2.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(967,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',4.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(968,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',2.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(969,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',5.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(970,3,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',2.0,'meaning','2026-07-10 23:52:17.600595');
INSERT INTO "answers" VALUES(971,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',3.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(972,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',6.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(973,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',2.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(974,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',4.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(975,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',7.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(976,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',3.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(977,3,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',3.0,'commitment','2026-07-10 23:53:03.209117');
INSERT INTO "answers" VALUES(978,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',2.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(979,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(980,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(981,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',3.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(982,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(983,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(984,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',3.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(985,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(986,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(987,7,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',4.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(988,7,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'crafting','2026-07-11 21:17:12.865587');
INSERT INTO "answers" VALUES(989,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',4.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(990,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(991,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',4.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(992,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',5.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(993,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',4.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(994,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',3.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(995,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',4.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(996,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(997,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',2.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(998,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(999,7,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-07-11 21:17:44.542370');
INSERT INTO "answers" VALUES(1000,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',4.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1001,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',4.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1002,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',3.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1003,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',4.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1004,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',5.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1005,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',2.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1006,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',4.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1007,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',3.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1008,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',3.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1009,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',98.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1010,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1011,7,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',5.0,'community','2026-07-11 21:18:24.062134');
INSERT INTO "answers" VALUES(1012,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1013,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',3.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1014,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1015,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',2.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1016,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1017,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1018,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',2.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1019,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',4.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1020,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',3.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1021,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',4.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1022,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1023,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1024,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',2.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1025,7,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',2.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1026,7,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',4.0,'resilience','2026-07-11 21:19:43.933347');
INSERT INTO "answers" VALUES(1027,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',1.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1028,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',2.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1029,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',5.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1030,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',4.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1031,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',1.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1032,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',4.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1033,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',4.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1034,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',1.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1035,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',2.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1036,7,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',5.0,'meaning','2026-07-11 21:20:08.827999');
INSERT INTO "answers" VALUES(1037,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',2.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1038,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1039,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',6.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1040,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',6.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1041,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',6.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1042,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',4.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1043,7,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',3.0,'commitment','2026-07-11 21:20:35.179588');
INSERT INTO "answers" VALUES(1044,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',3.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1045,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',5.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1046,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',5.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1047,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',2.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1048,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',4.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1049,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',4.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1050,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',4.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1051,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',5.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1052,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',1.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1053,9,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1054,9,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',5.0,'crafting','2026-07-11 23:08:09.181047');
INSERT INTO "answers" VALUES(1055,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',3.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1056,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',2.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1057,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',4.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1058,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',1.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1059,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1060,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1061,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1062,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1063,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',1.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1064,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1065,9,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-07-11 23:08:18.872877');
INSERT INTO "answers" VALUES(1066,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',3.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1067,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',4.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1068,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1069,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',5.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1070,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',4.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1071,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1072,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',3.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1073,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',5.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1074,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1075,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',2.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1076,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',2.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1077,9,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',4.0,'community','2026-07-11 23:08:25.462771');
INSERT INTO "answers" VALUES(1078,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1079,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',5.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1080,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',3.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1081,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',2.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1082,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1083,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',1.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1084,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',2.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1085,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',2.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1086,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',3.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1087,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1088,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',5.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1089,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',5.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1090,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',3.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1091,9,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1092,9,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',1.0,'resilience','2026-07-11 23:08:53.442983');
INSERT INTO "answers" VALUES(1093,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',2.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1094,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1095,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',4.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1096,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1097,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',1.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1098,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',1.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1099,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1100,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',2.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1101,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',4.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1102,9,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',1.0,'meaning','2026-07-11 23:09:01.491886');
INSERT INTO "answers" VALUES(1103,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',2.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1104,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',6.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1105,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',2.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1106,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',1.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1107,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',6.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1108,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',3.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1109,9,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',4.0,'commitment','2026-07-11 23:09:07.690322');
INSERT INTO "answers" VALUES(1110,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',1.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1111,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',2.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1112,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',5.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1113,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',4.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1114,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',1.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1115,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',4.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1116,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',1.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1117,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1118,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',4.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1119,5,2,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',4.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1120,5,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',4.0,'crafting','2026-07-12 11:39:10.948154');
INSERT INTO "answers" VALUES(1121,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',2.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1122,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',5.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1123,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',1.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1124,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',5.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1125,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',3.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1126,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',3.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1127,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',4.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1128,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',2.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1129,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',2.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1130,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1131,5,2,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',1.0,'collaborative','2026-07-12 11:39:24.906956');
INSERT INTO "answers" VALUES(1132,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',4.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1133,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',5.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1134,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1135,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1136,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',5.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1137,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',2.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1138,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',3.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1139,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',5.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1140,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1141,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',98.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1142,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1143,5,2,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-07-12 11:39:41.290828');
INSERT INTO "answers" VALUES(1144,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',3.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1145,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',3.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1146,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',5.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1147,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1148,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',1.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1149,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',4.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1150,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',5.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1151,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1152,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1153,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1154,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1155,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1156,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',5.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1157,5,2,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1158,5,2,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','4',2.0,'resilience','2026-07-12 11:39:52.685721');
INSERT INTO "answers" VALUES(1159,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',1.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1160,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1161,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',2.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1162,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',1.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1163,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',4.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1164,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1165,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',4.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1166,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',1.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1167,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',2.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1168,5,2,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',3.0,'meaning','2026-07-12 11:40:12.740998');
INSERT INTO "answers" VALUES(1169,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',6.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1170,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',1.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1171,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',5.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1172,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',1.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1173,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',7.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1174,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',4.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1175,5,2,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',4.0,'commitment','2026-07-12 11:40:23.520126');
INSERT INTO "answers" VALUES(1176,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',5.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1177,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',3.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1178,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',2.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1179,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',5.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1180,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',5.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1181,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1182,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',1.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1183,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',3.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1184,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',5.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1185,9,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1186,9,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',5.0,'crafting','2026-10-10 09:56:17.544914');
INSERT INTO "answers" VALUES(1187,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',5.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1188,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1189,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1190,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',2.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1191,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',4.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1192,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',2.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1193,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',3.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1194,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',1.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1195,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1196,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',5.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1197,9,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-10-10 09:56:29.771598');
INSERT INTO "answers" VALUES(1198,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',4.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1199,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',5.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1200,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',4.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1201,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1202,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',5.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1203,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',3.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1204,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',2.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1205,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',2.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1206,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',5.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1207,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',5.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1208,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',4.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1209,9,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',2.0,'community','2026-10-10 09:56:45.150946');
INSERT INTO "answers" VALUES(1210,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',5.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1211,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',2.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1212,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',4.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1213,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',5.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1214,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',5.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1215,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',4.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1216,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',1.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1217,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',2.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1218,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',3.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1219,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',1.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1220,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1221,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1222,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',3.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1223,9,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1224,9,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',2.0,'resilience','2026-10-10 09:57:04.581252');
INSERT INTO "answers" VALUES(1225,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1226,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',2.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1227,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',2.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1228,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',4.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1229,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',4.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1230,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1231,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',3.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1232,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',4.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1233,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',1.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1234,9,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',1.0,'meaning','2026-10-10 09:57:14.626736');
INSERT INTO "answers" VALUES(1235,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',7.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1236,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',1.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1237,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',4.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1238,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',7.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1239,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',2.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1240,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',6.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1241,9,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',5.0,'commitment','2026-10-10 09:57:23.003649');
INSERT INTO "answers" VALUES(1242,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',4.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1243,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1244,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',3.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1245,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',2.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1246,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',4.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1247,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',3.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1248,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',4.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1249,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1250,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',4.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1251,7,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1252,7,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-10-10 13:21:54.451863');
INSERT INTO "answers" VALUES(1253,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',2.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1254,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',4.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1255,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',2.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1256,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1257,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1258,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',2.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1259,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',2.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1260,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1261,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',4.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1262,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',3.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1263,7,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-10-10 13:22:17.404503');
INSERT INTO "answers" VALUES(1264,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',4.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1265,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',3.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1266,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',4.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1267,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',5.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1268,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',2.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1269,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',4.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1270,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',5.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1271,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',3.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1272,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',2.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1273,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',98.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1274,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1275,7,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',4.0,'community','2026-10-10 13:23:01.635554');
INSERT INTO "answers" VALUES(1276,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1277,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',4.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1278,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',4.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1279,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1280,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',5.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1281,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1282,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',3.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1283,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1284,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',2.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1285,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',2.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1286,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1287,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',1.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1288,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1289,7,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',3.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1290,7,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'resilience','2026-10-10 13:24:11.779990');
INSERT INTO "answers" VALUES(1291,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',3.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1292,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',3.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1293,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',3.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1294,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',1.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1295,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',2.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1296,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',1.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1297,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1298,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',1.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1299,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',3.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1300,7,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',5.0,'meaning','2026-10-10 13:25:16.864082');
INSERT INTO "answers" VALUES(1301,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',2.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1302,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',2.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1303,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',1.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1304,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',4.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1305,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',1.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1306,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',1.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1307,7,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',5.0,'commitment','2026-10-10 13:25:48.358123');
INSERT INTO "answers" VALUES(1308,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',5.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1309,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1310,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',5.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1311,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',1.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1312,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',5.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1313,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',3.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1314,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',4.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1315,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',5.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1316,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',4.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1317,4,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',1.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1318,4,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-10-10 15:01:37.242320');
INSERT INTO "answers" VALUES(1319,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',2.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1320,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1321,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1322,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1323,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',2.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1324,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1325,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1326,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',5.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1327,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',1.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1328,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',1.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1329,4,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',2.0,'collaborative','2026-10-10 15:02:16.779609');
INSERT INTO "answers" VALUES(1330,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',2.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1331,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1332,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1333,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',2.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1334,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',2.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1335,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1336,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1337,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',4.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1338,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1339,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1340,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1341,4,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-10-10 15:03:07.086716');
INSERT INTO "answers" VALUES(1342,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1343,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',5.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1344,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1345,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',4.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1346,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1347,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',2.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1348,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',5.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1349,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1350,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1351,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',5.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1352,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1353,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',2.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1354,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1355,4,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',4.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1356,4,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'resilience','2026-10-10 15:03:53.242549');
INSERT INTO "answers" VALUES(1357,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',2.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1358,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',2.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1359,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',4.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1360,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',4.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1361,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1362,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1363,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',4.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1364,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',3.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1365,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',4.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1366,4,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',2.0,'meaning','2026-10-10 15:04:31.193141');
INSERT INTO "answers" VALUES(1367,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',1.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1368,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1369,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',3.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1370,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',1.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1371,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',6.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1372,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',2.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1373,4,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',3.0,'commitment','2026-10-10 15:05:32.118207');
INSERT INTO "answers" VALUES(1374,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',4.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1375,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1376,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',4.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1377,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',3.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1378,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',5.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1379,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',4.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1380,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',5.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1381,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',3.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1382,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',3.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1383,3,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1384,3,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-10-10 17:40:16.949501');
INSERT INTO "answers" VALUES(1385,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',3.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1386,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1387,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1388,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1389,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1390,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',2.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1391,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',2.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1392,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1393,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',5.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1394,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',1.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1395,3,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-10-10 17:40:58.689289');
INSERT INTO "answers" VALUES(1396,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1397,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1398,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1399,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1400,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1401,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1402,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1403,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',2.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1404,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1405,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1406,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1407,3,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-10-10 17:41:51.885170');
INSERT INTO "answers" VALUES(1408,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',4.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1409,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',1.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1410,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',3.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1411,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1412,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1413,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1414,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',2.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1415,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',5.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1416,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',4.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1417,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',4.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1418,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',2.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1419,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',3.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1420,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',2.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1421,3,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',3.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1422,3,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'resilience','2026-10-10 17:43:39.283292');
INSERT INTO "answers" VALUES(1423,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',4.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1424,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1425,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',4.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1426,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',5.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1427,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',4.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1428,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',5.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1429,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',2.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1430,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',5.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1431,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',5.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1432,3,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',1.0,'meaning','2026-10-10 17:44:51.728754');
INSERT INTO "answers" VALUES(1433,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',5.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1434,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',4.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1435,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',6.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1436,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',4.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1437,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',4.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1438,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',3.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1439,3,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',1.0,'commitment','2026-10-10 17:45:22.239358');
INSERT INTO "answers" VALUES(1440,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',3.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1441,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',5.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1442,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',4.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1443,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',4.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1444,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',3.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1445,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',1.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1446,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',4.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1447,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',5.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1448,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',4.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1449,6,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',3.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1450,6,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-10-10 20:57:55.719997');
INSERT INTO "answers" VALUES(1451,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',4.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1452,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1453,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',3.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1454,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',3.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1455,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1456,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',1.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1457,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',1.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1458,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',3.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1459,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',3.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1460,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1461,6,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',4.0,'collaborative','2026-10-10 20:58:37.653726');
INSERT INTO "answers" VALUES(1462,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',2.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1463,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1464,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1465,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',1.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1466,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',2.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1467,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',1.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1468,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1469,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',2.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1470,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',4.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1471,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1472,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1473,6,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',3.0,'community','2026-10-10 20:59:18.112189');
INSERT INTO "answers" VALUES(1474,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',4.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1475,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',2.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1476,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',5.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1477,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',1.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1478,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',3.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1479,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',3.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1480,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',1.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1481,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',3.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1482,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1483,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1484,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',3.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1485,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',4.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1486,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',4.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1487,6,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',1.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1488,6,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'resilience','2026-10-10 21:00:05.818179');
INSERT INTO "answers" VALUES(1489,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',1.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1490,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',3.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1491,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',2.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1492,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',1.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1493,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',1.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1494,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',4.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1495,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1496,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',4.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1497,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',1.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1498,6,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',5.0,'meaning','2026-10-10 21:00:50.901770');
INSERT INTO "answers" VALUES(1499,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',5.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1500,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1501,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',7.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1502,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',6.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1503,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',1.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1504,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',4.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1505,6,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',7.0,'commitment','2026-10-10 21:01:32.899824');
INSERT INTO "answers" VALUES(1506,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_1',2.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1507,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_2',4.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1508,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_3',4.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1509,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','task_4',3.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1510,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_1',4.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1511,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_2',2.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1512,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','relational_3',3.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1513,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_1',1.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1514,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_2',2.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1515,8,3,'icraft','1.0','2f1fc42401c0199fbcb7eee178b2f946c5dbefddb620642dcaed8aef5477e71e','cognitive_3',2.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1516,8,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','1',2.0,'crafting','2026-10-11 08:52:03.151004');
INSERT INTO "answers" VALUES(1517,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_1',3.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1518,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_2',1.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1519,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_3',1.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1520,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','task_4',4.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1521,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_1',1.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1522,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_2',3.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1523,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_3',3.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1524,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','resources_4',2.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1525,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_1',1.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1526,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_2',2.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1527,8,3,'ccraft','1.0','da7dc9a513149454ca792cc5fd137e321dbc36c1a5694526b159c6adc0a4fa93','challenge_3',5.0,'collaborative','2026-10-11 08:52:41.872831');
INSERT INTO "answers" VALUES(1528,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_1',3.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1529,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_2',1.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1530,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','forums_3',2.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1531,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_1',4.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1532,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_2',2.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1533,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','giving_3',2.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1534,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_1',1.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1535,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_2',5.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1536,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','receiving_3',2.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1537,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_1',1.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1538,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_2',98.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1539,8,3,'community','1.0','96e77fd64e0deeeb704eb461577e7418c5aa503e570c1b2c3cbda49cee6b9abf','platform_3',1.0,'community','2026-10-11 08:53:52.101295');
INSERT INTO "answers" VALUES(1540,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_1',2.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1541,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_2',4.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1542,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_3',3.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1543,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','bounce_4',2.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1544,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_1',2.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1545,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_2',2.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1546,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','adapt_3',4.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1547,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_1',2.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1548,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_2',1.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1549,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','persist_3',3.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1550,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_1',1.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1551,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_2',1.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1552,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_3',1.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1553,8,3,'resil','1.0','d65de178fa9f9eae1b2a159281023210a13ba41fed8cc3c2a90cbd34c4fbcec4','career_4',4.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1554,8,3,'attn','1.0','ba3fa47400073103317d979daaec72af34b694d1bc0c4f5da9459cf7e5e8c74c','3',1.0,'resilience','2026-10-11 08:54:49.674897');
INSERT INTO "answers" VALUES(1555,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_1',5.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1556,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_2',5.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1557,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_3',3.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1558,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','positive_4',4.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1559,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_1',3.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1560,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_2',4.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1561,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','making_3',5.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1562,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_1',3.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1563,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_2',5.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1564,8,3,'meaning','1.0','629a8847daae9ec34d30770b4f9a4f04cb3a21f738daaf5e23c19e3d1a2dfde2','greater_3',4.0,'meaning','2026-10-11 08:55:43.612187');
INSERT INTO "answers" VALUES(1565,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','1',3.0,'commitment','2026-10-11 08:56:04.883577');
INSERT INTO "answers" VALUES(1566,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','2',5.0,'commitment','2026-10-11 08:56:04.883577');
INSERT INTO "answers" VALUES(1567,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','3',4.0,'commitment','2026-10-11 08:56:04.883577');
INSERT INTO "answers" VALUES(1568,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','4',6.0,'commitment','2026-10-11 08:56:04.883577');
INSERT INTO "answers" VALUES(1569,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','5',2.0,'commitment','2026-10-11 08:56:04.883577');
INSERT INTO "answers" VALUES(1570,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','6',2.0,'commitment','2026-10-11 08:56:04.883577');
INSERT INTO "answers" VALUES(1571,8,3,'ccommit','1.0','68ee119adb363ad273ea928351761c963b88817471fa885668d82e928af6b1f6','7',1.0,'commitment','2026-10-11 08:56:04.883577');
CREATE TABLE audit_log (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(320) NOT NULL, 
	action VARCHAR(40) NOT NULL, 
	study_id VARCHAR(64), 
	target VARCHAR(64), 
	detail JSON NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "audit_log" VALUES(1,'2026-04-06 08:00:00.000000','cli:root','study_loaded','gigpanel-demo',NULL,'{"created": true, "content_hash": "62d55a63112dd58ebdc344cd8d224b62ee7cbbbf89c0f2467514eb331a22082d"}');
INSERT INTO "audit_log" VALUES(2,'2026-11-02 08:56:04.883577','cli:demo','export','gigpanel-demo',NULL,'{"recruitment_ids": false, "participants": 9, "answers": 1553}');
CREATE TABLE contacts (
	id INTEGER NOT NULL, 
	participant_id INTEGER NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (participant_id), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE TABLE page_visits (
	participant_id INTEGER NOT NULL, 
	wave INTEGER NOT NULL, 
	page VARCHAR(64) NOT NULL, 
	shown_at DATETIME NOT NULL, 
	submitted_at DATETIME NOT NULL, 
	last_submitted_at DATETIME NOT NULL, 
	n_items INTEGER NOT NULL, 
	n_submissions INTEGER NOT NULL, 
	item_order JSON NOT NULL, 
	PRIMARY KEY (participant_id, wave, page), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
INSERT INTO "page_visits" VALUES(1,1,'profile','2026-04-06 09:18:54.868471','2026-04-06 09:20:20.637394','2026-04-06 09:20:20.637394',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(1,1,'crafting','2026-04-06 09:20:21.802414','2026-04-06 09:21:22.891857','2026-04-06 09:21:22.891857',11,1,'["icraft__task_1", "icraft__relational_1", "icraft__cognitive_1", "icraft__task_3", "icraft__task_4", "attn__1", "icraft__cognitive_3", "icraft__task_2", "icraft__cognitive_2", "icraft__relational_3", "icraft__relational_2"]');
INSERT INTO "page_visits" VALUES(1,1,'collaborative','2026-04-06 09:21:24.016079','2026-04-06 09:22:11.331923','2026-04-06 09:22:11.331923',11,1,'["ccraft__resources_2", "ccraft__task_2", "ccraft__resources_1", "ccraft__resources_4", "ccraft__task_3", "ccraft__challenge_1", "ccraft__task_4", "ccraft__challenge_2", "ccraft__resources_3", "ccraft__challenge_3", "ccraft__task_1"]');
INSERT INTO "page_visits" VALUES(1,1,'community','2026-04-06 09:22:12.279060','2026-04-06 09:23:25.946063','2026-04-06 09:23:25.946063',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(1,1,'resilience','2026-04-06 09:23:26.470431','2026-04-06 09:24:44.392738','2026-04-06 09:24:44.392738',15,1,'["resil__adapt_2", "resil__career_1", "resil__bounce_1", "resil__persist_3", "resil__adapt_3", "resil__bounce_2", "resil__persist_1", "resil__bounce_3", "resil__bounce_4", "attn__2", "resil__persist_2", "resil__career_3", "resil__adapt_1", "resil__career_2", "resil__career_4"]');
INSERT INTO "page_visits" VALUES(1,1,'meaning','2026-04-06 09:24:45.191158','2026-04-06 09:25:39.392242','2026-04-06 09:25:39.392242',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(2,1,'profile','2026-04-06 10:19:11.172992','2026-04-06 10:19:36.020557','2026-04-06 10:19:36.020557',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(2,1,'crafting','2026-04-06 10:19:37.108969','2026-04-06 10:20:32.926148','2026-04-06 10:20:32.926148',11,1,'["icraft__task_4", "icraft__cognitive_1", "icraft__relational_3", "icraft__cognitive_3", "icraft__cognitive_2", "attn__1", "icraft__task_2", "icraft__task_3", "icraft__task_1", "icraft__relational_1", "icraft__relational_2"]');
INSERT INTO "page_visits" VALUES(2,1,'collaborative','2026-04-06 10:20:34.138636','2026-04-06 10:21:26.791213','2026-04-06 10:21:26.791213',11,1,'["ccraft__task_4", "ccraft__task_1", "ccraft__challenge_1", "ccraft__task_3", "ccraft__task_2", "ccraft__challenge_2", "ccraft__resources_4", "ccraft__challenge_3", "ccraft__resources_2", "ccraft__resources_1", "ccraft__resources_3"]');
INSERT INTO "page_visits" VALUES(2,1,'community','2026-04-06 10:21:27.626569','2026-04-06 10:22:08.374966','2026-04-06 10:22:08.374966',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(2,1,'resilience','2026-04-06 10:22:10.351423','2026-04-06 10:23:06.876818','2026-04-06 10:23:06.876818',15,1,'["resil__career_1", "resil__persist_3", "resil__persist_2", "resil__bounce_3", "resil__career_4", "resil__bounce_4", "resil__adapt_1", "resil__bounce_2", "resil__persist_1", "attn__2", "resil__adapt_2", "resil__bounce_1", "resil__career_3", "resil__adapt_3", "resil__career_2"]');
INSERT INTO "page_visits" VALUES(2,1,'meaning','2026-04-06 10:23:08.847597','2026-04-06 10:23:55.449823','2026-04-06 10:23:55.449823',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(2,1,'commitment','2026-04-06 10:23:57.102144','2026-04-06 10:24:33.692058','2026-04-06 10:24:33.692058',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(3,1,'profile','2026-04-07 22:22:22.725789','2026-04-07 22:23:12.311842','2026-04-07 22:23:12.311842',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(3,1,'crafting','2026-04-07 22:23:14.007943','2026-04-07 22:23:45.488195','2026-04-07 22:23:45.488195',11,1,'["icraft__cognitive_3", "icraft__task_3", "icraft__relational_1", "icraft__relational_3", "icraft__relational_2", "attn__1", "icraft__task_2", "icraft__cognitive_2", "icraft__task_1", "icraft__task_4", "icraft__cognitive_1"]');
INSERT INTO "page_visits" VALUES(3,1,'collaborative','2026-04-07 22:23:46.485955','2026-04-07 22:25:01.518637','2026-04-07 22:25:01.518637',11,1,'["ccraft__task_4", "ccraft__resources_4", "ccraft__resources_2", "ccraft__resources_3", "ccraft__task_3", "ccraft__challenge_2", "ccraft__challenge_3", "ccraft__challenge_1", "ccraft__task_1", "ccraft__resources_1", "ccraft__task_2"]');
INSERT INTO "page_visits" VALUES(3,1,'community','2026-04-07 22:25:02.662554','2026-04-07 22:25:31.010583','2026-04-07 22:25:31.010583',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(3,1,'resilience','2026-04-07 22:25:32.454114','2026-04-07 22:27:05.160756','2026-04-07 22:27:05.160756',15,1,'["resil__bounce_1", "resil__persist_2", "resil__bounce_3", "resil__persist_3", "resil__career_4", "resil__bounce_4", "resil__adapt_3", "resil__bounce_2", "resil__persist_1", "attn__2", "resil__adapt_1", "resil__career_2", "resil__career_3", "resil__career_1", "resil__adapt_2"]');
INSERT INTO "page_visits" VALUES(3,1,'meaning','2026-04-07 22:27:06.224252','2026-04-07 22:27:37.395145','2026-04-07 22:27:37.395145',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(3,1,'commitment','2026-04-07 22:27:39.019123','2026-04-07 22:28:00.199572','2026-04-07 22:28:00.199572',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(4,1,'profile','2026-04-08 00:38:39.301138','2026-04-08 00:39:06.826089','2026-04-08 00:39:06.826089',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(4,1,'crafting','2026-04-08 00:39:08.691477','2026-04-08 00:40:01.626858','2026-04-08 00:40:01.626858',11,1,'["icraft__cognitive_3", "icraft__task_2", "icraft__task_3", "icraft__cognitive_2", "icraft__cognitive_1", "attn__1", "icraft__task_4", "icraft__relational_3", "icraft__relational_2", "icraft__relational_1", "icraft__task_1"]');
INSERT INTO "page_visits" VALUES(4,1,'collaborative','2026-04-08 00:40:03.470351','2026-04-08 00:40:41.781245','2026-04-08 00:40:41.781245',11,1,'["ccraft__challenge_3", "ccraft__task_4", "ccraft__resources_2", "ccraft__challenge_1", "ccraft__task_2", "ccraft__resources_1", "ccraft__resources_3", "ccraft__task_1", "ccraft__challenge_2", "ccraft__resources_4", "ccraft__task_3"]');
INSERT INTO "page_visits" VALUES(4,1,'community','2026-04-08 00:40:43.551618','2026-04-08 00:41:37.414584','2026-04-08 00:41:37.414584',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(4,1,'resilience','2026-04-08 00:41:38.618448','2026-04-08 00:42:20.908987','2026-04-08 00:42:20.908987',15,1,'["resil__adapt_3", "resil__bounce_3", "resil__adapt_1", "resil__career_3", "resil__persist_2", "resil__bounce_1", "resil__persist_3", "resil__career_4", "resil__bounce_4", "attn__2", "resil__persist_1", "resil__career_1", "resil__adapt_2", "resil__bounce_2", "resil__career_2"]');
INSERT INTO "page_visits" VALUES(4,1,'meaning','2026-04-08 00:42:22.100192','2026-04-08 00:43:00.372832','2026-04-08 00:43:00.372832',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(4,1,'commitment','2026-04-08 00:43:02.019189','2026-04-08 00:43:42.456979','2026-04-08 00:43:42.456979',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(5,1,'profile','2026-04-08 02:54:11.559390','2026-04-08 02:54:27.410784','2026-04-08 02:54:27.410784',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(5,1,'crafting','2026-04-08 02:54:28.886605','2026-04-08 02:54:40.326584','2026-04-08 02:54:40.326584',11,1,'["icraft__relational_3", "icraft__task_1", "icraft__cognitive_1", "icraft__relational_1", "icraft__task_3", "attn__1", "icraft__relational_2", "icraft__cognitive_3", "icraft__task_4", "icraft__cognitive_2", "icraft__task_2"]');
INSERT INTO "page_visits" VALUES(5,1,'collaborative','2026-04-08 02:54:42.008161','2026-04-08 02:54:51.354184','2026-04-08 02:54:51.354184',11,1,'["ccraft__challenge_1", "ccraft__task_4", "ccraft__task_3", "ccraft__resources_4", "ccraft__challenge_3", "ccraft__task_2", "ccraft__resources_3", "ccraft__resources_2", "ccraft__task_1", "ccraft__resources_1", "ccraft__challenge_2"]');
INSERT INTO "page_visits" VALUES(5,1,'community','2026-04-08 02:54:52.409273','2026-04-08 02:55:01.287634','2026-04-08 02:55:01.287634',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(5,1,'resilience','2026-04-08 02:55:03.278924','2026-04-08 02:55:27.267689','2026-04-08 02:55:27.267689',15,1,'["resil__bounce_3", "resil__adapt_3", "resil__adapt_1", "resil__bounce_4", "resil__bounce_1", "resil__persist_3", "resil__persist_2", "resil__adapt_2", "resil__bounce_2", "attn__2", "resil__career_3", "resil__career_4", "resil__career_2", "resil__persist_1", "resil__career_1"]');
INSERT INTO "page_visits" VALUES(5,1,'meaning','2026-04-08 02:55:27.771470','2026-04-08 02:55:38.784556','2026-04-08 02:55:38.784556',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(5,1,'commitment','2026-04-08 02:55:40.109834','2026-04-08 02:55:52.021037','2026-04-08 02:55:52.021037',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(6,1,'profile','2026-04-08 14:29:29.292937','2026-04-08 14:30:13.441773','2026-04-08 14:30:13.441773',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(6,1,'crafting','2026-04-08 14:30:14.432233','2026-04-08 14:30:50.705251','2026-04-08 14:30:50.705251',11,1,'["icraft__relational_1", "icraft__relational_3", "icraft__task_1", "icraft__task_2", "icraft__cognitive_1", "attn__1", "icraft__relational_2", "icraft__task_4", "icraft__cognitive_2", "icraft__task_3", "icraft__cognitive_3"]');
INSERT INTO "page_visits" VALUES(6,1,'collaborative','2026-04-08 14:30:51.934924','2026-04-08 14:31:41.652574','2026-04-08 14:31:41.652574',11,1,'["ccraft__resources_1", "ccraft__challenge_1", "ccraft__resources_3", "ccraft__resources_4", "ccraft__challenge_3", "ccraft__task_3", "ccraft__task_1", "ccraft__challenge_2", "ccraft__task_4", "ccraft__task_2", "ccraft__resources_2"]');
INSERT INTO "page_visits" VALUES(6,1,'community','2026-04-08 14:31:42.295360','2026-04-08 14:33:01.021128','2026-04-08 14:33:01.021128',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(6,1,'resilience','2026-04-08 14:33:02.452183','2026-04-08 14:34:01.589631','2026-04-08 14:34:01.589631',15,1,'["resil__bounce_2", "resil__career_2", "resil__persist_1", "resil__adapt_2", "resil__adapt_3", "resil__career_3", "resil__persist_2", "resil__adapt_1", "resil__career_1", "attn__2", "resil__bounce_3", "resil__persist_3", "resil__career_4", "resil__bounce_4", "resil__bounce_1"]');
INSERT INTO "page_visits" VALUES(6,1,'meaning','2026-04-08 14:34:02.755314','2026-04-08 14:35:12.450454','2026-04-08 14:35:12.450454',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(6,1,'commitment','2026-04-08 14:35:13.512967','2026-04-08 14:35:45.775145','2026-04-08 14:35:45.775145',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(7,1,'profile','2026-04-09 06:12:25.051761','2026-04-09 06:13:59.295923','2026-04-09 06:13:59.295923',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(7,1,'crafting','2026-04-09 06:14:01.259852','2026-04-09 06:14:32.320324','2026-04-09 06:14:32.320324',11,1,'["icraft__cognitive_2", "icraft__relational_2", "icraft__task_3", "icraft__relational_3", "icraft__cognitive_3", "attn__1", "icraft__relational_1", "icraft__task_4", "icraft__task_1", "icraft__task_2", "icraft__cognitive_1"]');
INSERT INTO "page_visits" VALUES(7,1,'collaborative','2026-04-09 06:14:34.030725','2026-04-09 06:15:17.279000','2026-04-09 06:15:17.279000',11,1,'["ccraft__task_3", "ccraft__resources_3", "ccraft__task_2", "ccraft__resources_4", "ccraft__challenge_1", "ccraft__challenge_2", "ccraft__challenge_3", "ccraft__resources_2", "ccraft__task_4", "ccraft__task_1", "ccraft__resources_1"]');
INSERT INTO "page_visits" VALUES(7,1,'community','2026-04-09 06:15:17.881526','2026-04-09 06:16:12.445901','2026-04-09 06:16:12.445901',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(7,1,'resilience','2026-04-09 06:16:13.862796','2026-04-09 06:17:25.322353','2026-04-09 06:17:25.322353',15,1,'["resil__persist_2", "resil__bounce_1", "resil__adapt_3", "resil__adapt_1", "resil__career_1", "resil__persist_3", "resil__career_2", "resil__bounce_2", "resil__bounce_4", "attn__2", "resil__persist_1", "resil__bounce_3", "resil__career_4", "resil__career_3", "resil__adapt_2"]');
INSERT INTO "page_visits" VALUES(7,1,'meaning','2026-04-09 06:17:26.304109','2026-04-09 06:18:15.968761','2026-04-09 06:18:15.968761',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(7,1,'commitment','2026-04-09 06:18:17.264900','2026-04-09 06:19:10.108538','2026-04-09 06:19:10.108538',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(8,1,'profile','2026-04-09 13:44:03.933094','2026-04-09 13:45:05.916407','2026-04-09 13:45:05.916407',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(8,1,'crafting','2026-04-09 13:45:07.123467','2026-04-09 13:45:27.868755','2026-04-09 13:45:27.868755',11,1,'["icraft__relational_2", "icraft__cognitive_2", "icraft__cognitive_1", "icraft__cognitive_3", "icraft__task_1", "attn__1", "icraft__task_3", "icraft__task_2", "icraft__relational_3", "icraft__relational_1", "icraft__task_4"]');
INSERT INTO "page_visits" VALUES(8,1,'collaborative','2026-04-09 13:45:29.291299','2026-04-09 13:46:52.267154','2026-04-09 13:46:52.267154',11,1,'["ccraft__challenge_2", "ccraft__task_4", "ccraft__resources_3", "ccraft__task_1", "ccraft__challenge_3", "ccraft__task_2", "ccraft__resources_4", "ccraft__challenge_1", "ccraft__task_3", "ccraft__resources_2", "ccraft__resources_1"]');
INSERT INTO "page_visits" VALUES(8,1,'community','2026-04-09 13:46:54.184011','2026-04-09 13:47:38.907525','2026-04-09 13:47:38.907525',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(8,1,'resilience','2026-04-09 13:47:40.495484','2026-04-09 13:48:44.816289','2026-04-09 13:48:44.816289',15,1,'["resil__bounce_1", "resil__adapt_1", "resil__adapt_2", "resil__career_2", "resil__career_1", "resil__persist_2", "resil__adapt_3", "resil__bounce_4", "resil__persist_3", "attn__2", "resil__bounce_2", "resil__bounce_3", "resil__persist_1", "resil__career_4", "resil__career_3"]');
INSERT INTO "page_visits" VALUES(8,1,'meaning','2026-04-09 13:48:46.581444','2026-04-09 13:49:26.654834','2026-04-09 13:49:26.654834',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(8,1,'commitment','2026-04-09 13:49:27.937391','2026-04-09 13:49:53.108207','2026-04-09 13:49:53.108207',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(9,1,'profile','2026-04-09 16:04:23.099028','2026-04-09 16:04:36.413612','2026-04-09 16:04:36.413612',12,1,'["profile__platform_delivery", "profile__platform_rides", "profile__platform_home", "profile__platform_micro", "profile__platform_freelance", "profile__platform_other", "profile__hours", "profile__tenure", "profile__income_share", "profile__country", "profile__age", "profile__gender"]');
INSERT INTO "page_visits" VALUES(9,1,'crafting','2026-04-09 16:04:38.209628','2026-04-09 16:04:50.486355','2026-04-09 16:04:50.486355',11,1,'["icraft__cognitive_2", "icraft__task_3", "icraft__relational_2", "icraft__task_1", "icraft__relational_3", "attn__1", "icraft__cognitive_3", "icraft__cognitive_1", "icraft__task_4", "icraft__relational_1", "icraft__task_2"]');
INSERT INTO "page_visits" VALUES(9,1,'collaborative','2026-04-09 16:04:51.583701','2026-04-09 16:05:03.165001','2026-04-09 16:05:03.165001',11,1,'["ccraft__task_4", "ccraft__resources_1", "ccraft__task_1", "ccraft__resources_3", "ccraft__resources_4", "ccraft__challenge_2", "ccraft__challenge_3", "ccraft__challenge_1", "ccraft__task_2", "ccraft__task_3", "ccraft__resources_2"]');
INSERT INTO "page_visits" VALUES(9,1,'community','2026-04-09 16:05:04.551890','2026-04-09 16:05:09.949476','2026-04-09 16:05:09.949476',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(9,1,'resilience','2026-04-09 16:05:11.489933','2026-04-09 16:05:31.122585','2026-04-09 16:05:31.122585',15,1,'["resil__bounce_2", "resil__adapt_1", "resil__persist_2", "resil__persist_1", "resil__bounce_4", "resil__bounce_1", "resil__bounce_3", "resil__career_3", "resil__adapt_2", "attn__2", "resil__persist_3", "resil__adapt_3", "resil__career_4", "resil__career_2", "resil__career_1"]');
INSERT INTO "page_visits" VALUES(9,1,'meaning','2026-04-09 16:05:32.434494','2026-04-09 16:05:43.800673','2026-04-09 16:05:43.800673',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(9,1,'commitment','2026-04-09 16:05:44.405692','2026-04-09 16:05:48.233912','2026-04-09 16:05:48.233912',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(6,2,'crafting','2026-07-09 06:20:49.824458','2026-07-09 06:21:22.938439','2026-07-09 06:21:22.938439',11,1,'["icraft__cognitive_1", "icraft__task_4", "icraft__cognitive_2", "icraft__task_1", "icraft__task_3", "attn__3", "icraft__task_2", "icraft__relational_1", "icraft__cognitive_3", "icraft__relational_2", "icraft__relational_3"]');
INSERT INTO "page_visits" VALUES(6,2,'collaborative','2026-07-09 06:21:24.867874','2026-07-09 06:22:25.139192','2026-07-09 06:22:25.139192',11,1,'["ccraft__task_1", "ccraft__challenge_1", "ccraft__challenge_3", "ccraft__resources_4", "ccraft__resources_2", "ccraft__task_2", "ccraft__resources_1", "ccraft__resources_3", "ccraft__challenge_2", "ccraft__task_3", "ccraft__task_4"]');
INSERT INTO "page_visits" VALUES(6,2,'community','2026-07-09 06:22:26.399928','2026-07-09 06:23:48.425941','2026-07-09 06:23:48.425941',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(6,2,'resilience','2026-07-09 06:23:49.265386','2026-07-09 06:24:49.503609','2026-07-09 06:24:49.503609',15,1,'["resil__career_3", "resil__bounce_4", "resil__adapt_1", "resil__persist_3", "resil__career_1", "resil__persist_2", "resil__bounce_3", "resil__bounce_1", "resil__adapt_3", "attn__4", "resil__persist_1", "resil__adapt_2", "resil__career_4", "resil__bounce_2", "resil__career_2"]');
INSERT INTO "page_visits" VALUES(6,2,'meaning','2026-07-09 06:24:50.354830','2026-07-09 06:25:11.590278','2026-07-09 06:25:11.590278',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(6,2,'commitment','2026-07-09 06:25:12.714388','2026-07-09 06:25:32.571495','2026-07-09 06:25:32.571495',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(4,2,'crafting','2026-07-09 07:22:31.507117','2026-07-09 07:23:06.398693','2026-07-09 07:23:06.398693',11,1,'["icraft__task_4", "icraft__task_1", "icraft__relational_1", "icraft__relational_3", "icraft__cognitive_1", "attn__3", "icraft__relational_2", "icraft__task_2", "icraft__task_3", "icraft__cognitive_3", "icraft__cognitive_2"]');
INSERT INTO "page_visits" VALUES(4,2,'collaborative','2026-07-09 07:23:07.580633','2026-07-09 07:23:27.980601','2026-07-09 07:23:27.980601',11,1,'["ccraft__resources_1", "ccraft__resources_3", "ccraft__task_4", "ccraft__resources_4", "ccraft__task_3", "ccraft__task_2", "ccraft__challenge_3", "ccraft__challenge_1", "ccraft__task_1", "ccraft__challenge_2", "ccraft__resources_2"]');
INSERT INTO "page_visits" VALUES(4,2,'community','2026-07-09 07:23:28.667226','2026-07-09 07:24:40.258943','2026-07-09 07:24:40.258943',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(4,2,'resilience','2026-07-09 07:24:41.985142','2026-07-09 07:25:33.213394','2026-07-09 07:25:33.213394',15,1,'["resil__adapt_3", "resil__adapt_2", "resil__career_2", "resil__bounce_2", "resil__bounce_4", "resil__persist_1", "resil__career_3", "resil__career_1", "resil__bounce_1", "attn__4", "resil__bounce_3", "resil__career_4", "resil__adapt_1", "resil__persist_2", "resil__persist_3"]');
INSERT INTO "page_visits" VALUES(4,2,'meaning','2026-07-09 07:25:33.761668','2026-07-09 07:26:17.572107','2026-07-09 07:26:17.572107',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(4,2,'commitment','2026-07-09 07:26:18.405874','2026-07-09 07:26:47.248700','2026-07-09 07:26:47.248700',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(8,2,'crafting','2026-07-10 10:54:59.917941','2026-07-10 10:55:29.387473','2026-07-10 10:55:29.387473',11,1,'["icraft__relational_2", "icraft__relational_3", "icraft__task_3", "icraft__task_1", "icraft__task_4", "attn__3", "icraft__cognitive_2", "icraft__task_2", "icraft__cognitive_1", "icraft__cognitive_3", "icraft__relational_1"]');
INSERT INTO "page_visits" VALUES(8,2,'collaborative','2026-07-10 10:55:30.111214','2026-07-10 10:56:29.243434','2026-07-10 10:56:29.243434',11,1,'["ccraft__task_3", "ccraft__task_1", "ccraft__challenge_3", "ccraft__challenge_2", "ccraft__resources_1", "ccraft__resources_3", "ccraft__resources_4", "ccraft__task_2", "ccraft__task_4", "ccraft__challenge_1", "ccraft__resources_2"]');
INSERT INTO "page_visits" VALUES(8,2,'community','2026-07-10 10:56:30.638588','2026-07-10 10:57:33.764433','2026-07-10 10:57:33.764433',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(8,2,'resilience','2026-07-10 10:57:34.973769','2026-07-10 10:58:25.936974','2026-07-10 10:58:25.936974',15,1,'["resil__career_1", "resil__bounce_3", "resil__persist_2", "resil__career_3", "resil__adapt_3", "resil__bounce_2", "resil__adapt_2", "resil__adapt_1", "resil__bounce_4", "attn__4", "resil__persist_3", "resil__persist_1", "resil__career_2", "resil__bounce_1", "resil__career_4"]');
INSERT INTO "page_visits" VALUES(8,2,'meaning','2026-07-10 10:58:27.624677','2026-07-10 10:59:03.672464','2026-07-10 10:59:03.672464',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(8,2,'commitment','2026-07-10 10:59:05.155961','2026-07-10 10:59:47.297063','2026-07-10 10:59:47.297063',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(3,2,'crafting','2026-07-10 23:48:40.083032','2026-07-10 23:48:59.057860','2026-07-10 23:48:59.057860',11,1,'["icraft__task_3", "icraft__task_1", "icraft__cognitive_1", "icraft__cognitive_3", "icraft__relational_1", "attn__3", "icraft__relational_3", "icraft__cognitive_2", "icraft__task_4", "icraft__relational_2", "icraft__task_2"]');
INSERT INTO "page_visits" VALUES(3,2,'collaborative','2026-07-10 23:48:59.722511','2026-07-10 23:49:25.440453','2026-07-10 23:49:25.440453',11,1,'["ccraft__task_3", "ccraft__challenge_2", "ccraft__resources_3", "ccraft__resources_1", "ccraft__challenge_1", "ccraft__task_4", "ccraft__challenge_3", "ccraft__resources_4", "ccraft__task_1", "ccraft__task_2", "ccraft__resources_2"]');
INSERT INTO "page_visits" VALUES(3,2,'community','2026-07-10 23:49:26.160775','2026-07-10 23:50:26.991172','2026-07-10 23:50:26.991172',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(3,2,'resilience','2026-07-10 23:50:28.208583','2026-07-10 23:51:33.602391','2026-07-10 23:51:33.602391',15,1,'["resil__persist_1", "resil__persist_2", "resil__bounce_3", "resil__bounce_1", "resil__career_3", "resil__bounce_2", "resil__career_1", "resil__adapt_1", "resil__career_2", "attn__4", "resil__persist_3", "resil__adapt_2", "resil__bounce_4", "resil__career_4", "resil__adapt_3"]');
INSERT INTO "page_visits" VALUES(3,2,'meaning','2026-07-10 23:51:34.430946','2026-07-10 23:52:17.600595','2026-07-10 23:52:17.600595',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(3,2,'commitment','2026-07-10 23:52:18.317925','2026-07-10 23:53:03.209117','2026-07-10 23:53:03.209117',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(7,2,'crafting','2026-07-11 21:16:29.643722','2026-07-11 21:17:12.865587','2026-07-11 21:17:12.865587',11,1,'["icraft__relational_3", "icraft__task_1", "icraft__relational_2", "icraft__task_3", "icraft__task_4", "attn__3", "icraft__cognitive_3", "icraft__task_2", "icraft__cognitive_1", "icraft__relational_1", "icraft__cognitive_2"]');
INSERT INTO "page_visits" VALUES(7,2,'collaborative','2026-07-11 21:17:14.787230','2026-07-11 21:17:44.542370','2026-07-11 21:17:44.542370',11,1,'["ccraft__task_4", "ccraft__challenge_1", "ccraft__resources_4", "ccraft__task_3", "ccraft__challenge_3", "ccraft__challenge_2", "ccraft__resources_2", "ccraft__resources_1", "ccraft__resources_3", "ccraft__task_2", "ccraft__task_1"]');
INSERT INTO "page_visits" VALUES(7,2,'community','2026-07-11 21:17:45.157760','2026-07-11 21:18:24.062134','2026-07-11 21:18:24.062134',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(7,2,'resilience','2026-07-11 21:18:25.445499','2026-07-11 21:19:43.933347','2026-07-11 21:19:43.933347',15,1,'["resil__bounce_2", "resil__career_4", "resil__persist_2", "resil__bounce_1", "resil__bounce_4", "resil__persist_3", "resil__persist_1", "resil__bounce_3", "resil__career_1", "attn__4", "resil__adapt_3", "resil__career_3", "resil__career_2", "resil__adapt_2", "resil__adapt_1"]');
INSERT INTO "page_visits" VALUES(7,2,'meaning','2026-07-11 21:19:44.911300','2026-07-11 21:20:08.827999','2026-07-11 21:20:08.827999',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(7,2,'commitment','2026-07-11 21:20:10.363958','2026-07-11 21:20:35.179588','2026-07-11 21:20:35.179588',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(9,2,'crafting','2026-07-11 23:07:59.968001','2026-07-11 23:08:09.181047','2026-07-11 23:08:09.181047',11,1,'["icraft__task_4", "icraft__relational_2", "icraft__task_2", "icraft__task_1", "icraft__task_3", "attn__3", "icraft__cognitive_1", "icraft__relational_1", "icraft__cognitive_2", "icraft__cognitive_3", "icraft__relational_3"]');
INSERT INTO "page_visits" VALUES(9,2,'collaborative','2026-07-11 23:08:09.860489','2026-07-11 23:08:18.872877','2026-07-11 23:08:18.872877',11,1,'["ccraft__challenge_2", "ccraft__challenge_1", "ccraft__resources_3", "ccraft__resources_2", "ccraft__task_1", "ccraft__task_2", "ccraft__task_3", "ccraft__resources_1", "ccraft__resources_4", "ccraft__task_4", "ccraft__challenge_3"]');
INSERT INTO "page_visits" VALUES(9,2,'community','2026-07-11 23:08:20.492677','2026-07-11 23:08:25.462771','2026-07-11 23:08:25.462771',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(9,2,'resilience','2026-07-11 23:08:27.171759','2026-07-11 23:08:53.442983','2026-07-11 23:08:53.442983',15,1,'["resil__persist_2", "resil__bounce_1", "resil__bounce_3", "resil__bounce_4", "resil__persist_1", "resil__career_3", "resil__persist_3", "resil__adapt_3", "resil__career_2", "attn__4", "resil__bounce_2", "resil__career_1", "resil__career_4", "resil__adapt_2", "resil__adapt_1"]');
INSERT INTO "page_visits" VALUES(9,2,'meaning','2026-07-11 23:08:54.166301','2026-07-11 23:09:01.491886','2026-07-11 23:09:01.491886',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(9,2,'commitment','2026-07-11 23:09:02.602254','2026-07-11 23:09:07.690322','2026-07-11 23:09:07.690322',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(5,2,'crafting','2026-07-12 11:39:03.304856','2026-07-12 11:39:10.948154','2026-07-12 11:39:10.948154',11,1,'["icraft__task_4", "icraft__task_1", "icraft__task_2", "icraft__relational_3", "icraft__task_3", "attn__3", "icraft__relational_2", "icraft__cognitive_1", "icraft__cognitive_2", "icraft__cognitive_3", "icraft__relational_1"]');
INSERT INTO "page_visits" VALUES(5,2,'collaborative','2026-07-12 11:39:12.652726','2026-07-12 11:39:24.906956','2026-07-12 11:39:24.906956',11,1,'["ccraft__resources_2", "ccraft__task_4", "ccraft__challenge_2", "ccraft__resources_4", "ccraft__challenge_1", "ccraft__task_2", "ccraft__resources_3", "ccraft__task_3", "ccraft__resources_1", "ccraft__task_1", "ccraft__challenge_3"]');
INSERT INTO "page_visits" VALUES(5,2,'community','2026-07-12 11:39:25.763701','2026-07-12 11:39:41.290828','2026-07-12 11:39:41.290828',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(5,2,'resilience','2026-07-12 11:39:43.157291','2026-07-12 11:39:52.685721','2026-07-12 11:39:52.685721',15,1,'["resil__persist_2", "resil__bounce_3", "resil__adapt_3", "resil__bounce_4", "resil__bounce_1", "resil__bounce_2", "resil__career_1", "resil__adapt_1", "resil__adapt_2", "attn__4", "resil__persist_3", "resil__career_3", "resil__career_4", "resil__persist_1", "resil__career_2"]');
INSERT INTO "page_visits" VALUES(5,2,'meaning','2026-07-12 11:39:54.168695','2026-07-12 11:40:12.740998','2026-07-12 11:40:12.740998',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(5,2,'commitment','2026-07-12 11:40:14.542911','2026-07-12 11:40:23.520126','2026-07-12 11:40:23.520126',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(9,3,'crafting','2026-10-10 09:55:58.944618','2026-10-10 09:56:17.544914','2026-10-10 09:56:17.544914',11,1,'["icraft__cognitive_3", "icraft__relational_3", "icraft__relational_2", "icraft__cognitive_2", "icraft__cognitive_1", "attn__1", "icraft__task_4", "icraft__task_1", "icraft__task_3", "icraft__task_2", "icraft__relational_1"]');
INSERT INTO "page_visits" VALUES(9,3,'collaborative','2026-10-10 09:56:18.562263','2026-10-10 09:56:29.771598','2026-10-10 09:56:29.771598',11,1,'["ccraft__resources_1", "ccraft__resources_2", "ccraft__challenge_3", "ccraft__resources_4", "ccraft__task_3", "ccraft__task_4", "ccraft__challenge_2", "ccraft__resources_3", "ccraft__task_2", "ccraft__task_1", "ccraft__challenge_1"]');
INSERT INTO "page_visits" VALUES(9,3,'community','2026-10-10 09:56:31.111926','2026-10-10 09:56:45.150946','2026-10-10 09:56:45.150946',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(9,3,'resilience','2026-10-10 09:56:46.780260','2026-10-10 09:57:04.581252','2026-10-10 09:57:04.581252',15,1,'["resil__career_3", "resil__persist_2", "resil__adapt_1", "resil__career_1", "resil__adapt_3", "resil__career_2", "resil__persist_1", "resil__persist_3", "resil__bounce_1", "attn__3", "resil__bounce_2", "resil__bounce_3", "resil__bounce_4", "resil__adapt_2", "resil__career_4"]');
INSERT INTO "page_visits" VALUES(9,3,'meaning','2026-10-10 09:57:05.877784','2026-10-10 09:57:14.626736','2026-10-10 09:57:14.626736',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(9,3,'commitment','2026-10-10 09:57:15.208213','2026-10-10 09:57:23.003649','2026-10-10 09:57:23.003649',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(7,3,'crafting','2026-10-10 13:21:22.848980','2026-10-10 13:21:54.451863','2026-10-10 13:21:54.451863',11,1,'["icraft__task_3", "icraft__cognitive_3", "icraft__task_4", "icraft__task_2", "icraft__cognitive_2", "attn__1", "icraft__relational_2", "icraft__relational_1", "icraft__relational_3", "icraft__task_1", "icraft__cognitive_1"]');
INSERT INTO "page_visits" VALUES(7,3,'collaborative','2026-10-10 13:21:54.955216','2026-10-10 13:22:17.404503','2026-10-10 13:22:17.404503',11,1,'["ccraft__task_2", "ccraft__challenge_1", "ccraft__task_4", "ccraft__resources_4", "ccraft__task_3", "ccraft__task_1", "ccraft__resources_2", "ccraft__challenge_3", "ccraft__resources_1", "ccraft__challenge_2", "ccraft__resources_3"]');
INSERT INTO "page_visits" VALUES(7,3,'community','2026-10-10 13:22:18.078376','2026-10-10 13:23:01.635554','2026-10-10 13:23:01.635554',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(7,3,'resilience','2026-10-10 13:23:02.595715','2026-10-10 13:24:11.779990','2026-10-10 13:24:11.779990',15,1,'["resil__bounce_2", "resil__bounce_4", "resil__adapt_2", "resil__adapt_3", "resil__persist_1", "resil__persist_3", "resil__career_4", "resil__adapt_1", "resil__career_1", "attn__3", "resil__bounce_1", "resil__persist_2", "resil__bounce_3", "resil__career_2", "resil__career_3"]');
INSERT INTO "page_visits" VALUES(7,3,'meaning','2026-10-10 13:24:13.087727','2026-10-10 13:25:16.864082','2026-10-10 13:25:16.864082',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(7,3,'commitment','2026-10-10 13:25:17.709112','2026-10-10 13:25:48.358123','2026-10-10 13:25:48.358123',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(4,3,'crafting','2026-10-10 15:01:11.442815','2026-10-10 15:01:37.242320','2026-10-10 15:01:37.242320',11,1,'["icraft__task_4", "icraft__cognitive_1", "icraft__task_1", "icraft__task_3", "icraft__relational_1", "attn__1", "icraft__cognitive_3", "icraft__task_2", "icraft__cognitive_2", "icraft__relational_3", "icraft__relational_2"]');
INSERT INTO "page_visits" VALUES(4,3,'collaborative','2026-10-10 15:01:37.974296','2026-10-10 15:02:16.779609','2026-10-10 15:02:16.779609',11,1,'["ccraft__task_3", "ccraft__task_4", "ccraft__resources_4", "ccraft__resources_2", "ccraft__challenge_3", "ccraft__task_2", "ccraft__challenge_1", "ccraft__resources_1", "ccraft__task_1", "ccraft__resources_3", "ccraft__challenge_2"]');
INSERT INTO "page_visits" VALUES(4,3,'community','2026-10-10 15:02:18.513993','2026-10-10 15:03:07.086716','2026-10-10 15:03:07.086716',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(4,3,'resilience','2026-10-10 15:03:08.873112','2026-10-10 15:03:53.242549','2026-10-10 15:03:53.242549',15,1,'["resil__persist_1", "resil__career_2", "resil__career_1", "resil__bounce_3", "resil__persist_3", "resil__adapt_3", "resil__bounce_4", "resil__bounce_1", "resil__bounce_2", "attn__3", "resil__persist_2", "resil__career_4", "resil__career_3", "resil__adapt_1", "resil__adapt_2"]');
INSERT INTO "page_visits" VALUES(4,3,'meaning','2026-10-10 15:03:54.988643','2026-10-10 15:04:31.193141','2026-10-10 15:04:31.193141',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(4,3,'commitment','2026-10-10 15:04:32.421626','2026-10-10 15:05:32.118207','2026-10-10 15:05:32.118207',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(3,3,'crafting','2026-10-10 17:39:11.884370','2026-10-10 17:40:16.949501','2026-10-10 17:40:16.949501',11,1,'["icraft__task_2", "icraft__relational_2", "icraft__relational_1", "icraft__cognitive_1", "icraft__task_4", "attn__1", "icraft__relational_3", "icraft__cognitive_3", "icraft__task_1", "icraft__task_3", "icraft__cognitive_2"]');
INSERT INTO "page_visits" VALUES(3,3,'collaborative','2026-10-10 17:40:18.729027','2026-10-10 17:40:58.689289','2026-10-10 17:40:58.689289',11,1,'["ccraft__task_1", "ccraft__resources_2", "ccraft__task_3", "ccraft__resources_3", "ccraft__resources_1", "ccraft__resources_4", "ccraft__challenge_1", "ccraft__task_2", "ccraft__task_4", "ccraft__challenge_2", "ccraft__challenge_3"]');
INSERT INTO "page_visits" VALUES(3,3,'community','2026-10-10 17:41:00.473127','2026-10-10 17:41:51.885170','2026-10-10 17:41:51.885170',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(3,3,'resilience','2026-10-10 17:41:53.851466','2026-10-10 17:43:39.283292','2026-10-10 17:43:39.283292',15,1,'["resil__adapt_3", "resil__adapt_2", "resil__persist_3", "resil__career_3", "resil__bounce_4", "resil__bounce_3", "resil__bounce_1", "resil__persist_2", "resil__career_4", "attn__3", "resil__bounce_2", "resil__persist_1", "resil__career_1", "resil__career_2", "resil__adapt_1"]');
INSERT INTO "page_visits" VALUES(3,3,'meaning','2026-10-10 17:43:39.890529','2026-10-10 17:44:51.728754','2026-10-10 17:44:51.728754',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(3,3,'commitment','2026-10-10 17:44:53.393196','2026-10-10 17:45:22.239358','2026-10-10 17:45:22.239358',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(6,3,'crafting','2026-10-10 20:56:39.398003','2026-10-10 20:57:55.719997','2026-10-10 20:57:55.719997',11,1,'["icraft__relational_3", "icraft__task_1", "icraft__cognitive_2", "icraft__task_3", "icraft__task_4", "attn__1", "icraft__cognitive_3", "icraft__task_2", "icraft__relational_2", "icraft__relational_1", "icraft__cognitive_1"]');
INSERT INTO "page_visits" VALUES(6,3,'collaborative','2026-10-10 20:57:57.659706','2026-10-10 20:58:37.653726','2026-10-10 20:58:37.653726',11,1,'["ccraft__resources_2", "ccraft__challenge_2", "ccraft__challenge_1", "ccraft__challenge_3", "ccraft__resources_4", "ccraft__task_4", "ccraft__task_3", "ccraft__task_1", "ccraft__resources_3", "ccraft__task_2", "ccraft__resources_1"]');
INSERT INTO "page_visits" VALUES(6,3,'community','2026-10-10 20:58:38.411624','2026-10-10 20:59:18.112189','2026-10-10 20:59:18.112189',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(6,3,'resilience','2026-10-10 20:59:18.658267','2026-10-10 21:00:05.818179','2026-10-10 21:00:05.818179',15,1,'["resil__adapt_2", "resil__career_2", "resil__persist_3", "resil__career_3", "resil__bounce_2", "resil__career_1", "resil__bounce_3", "resil__bounce_4", "resil__career_4", "attn__3", "resil__bounce_1", "resil__adapt_1", "resil__persist_2", "resil__persist_1", "resil__adapt_3"]');
INSERT INTO "page_visits" VALUES(6,3,'meaning','2026-10-10 21:00:06.600057','2026-10-10 21:00:50.901770','2026-10-10 21:00:50.901770',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(6,3,'commitment','2026-10-10 21:00:51.839930','2026-10-10 21:01:32.899824','2026-10-10 21:01:32.899824',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
INSERT INTO "page_visits" VALUES(8,3,'crafting','2026-10-11 08:50:39.123089','2026-10-11 08:52:03.151004','2026-10-11 08:52:03.151004',11,1,'["icraft__relational_2", "icraft__task_1", "icraft__task_2", "icraft__task_4", "icraft__cognitive_1", "attn__1", "icraft__cognitive_2", "icraft__cognitive_3", "icraft__relational_3", "icraft__relational_1", "icraft__task_3"]');
INSERT INTO "page_visits" VALUES(8,3,'collaborative','2026-10-11 08:52:03.968871','2026-10-11 08:52:41.872831','2026-10-11 08:52:41.872831',11,1,'["ccraft__resources_4", "ccraft__resources_2", "ccraft__task_4", "ccraft__task_3", "ccraft__challenge_3", "ccraft__challenge_1", "ccraft__task_1", "ccraft__resources_3", "ccraft__resources_1", "ccraft__challenge_2", "ccraft__task_2"]');
INSERT INTO "page_visits" VALUES(8,3,'community','2026-10-11 08:52:42.593448','2026-10-11 08:53:52.101295','2026-10-11 08:53:52.101295',12,1,'["community__forums_1", "community__forums_2", "community__forums_3", "community__giving_1", "community__giving_2", "community__giving_3", "community__receiving_1", "community__receiving_2", "community__receiving_3", "community__platform_1", "community__platform_2", "community__platform_3"]');
INSERT INTO "page_visits" VALUES(8,3,'resilience','2026-10-11 08:53:53.098978','2026-10-11 08:54:49.674897','2026-10-11 08:54:49.674897',15,1,'["resil__adapt_2", "resil__bounce_4", "resil__bounce_2", "resil__career_4", "resil__persist_1", "resil__adapt_1", "resil__career_1", "resil__bounce_1", "resil__career_2", "attn__3", "resil__persist_3", "resil__bounce_3", "resil__career_3", "resil__persist_2", "resil__adapt_3"]');
INSERT INTO "page_visits" VALUES(8,3,'meaning','2026-10-11 08:54:51.550368','2026-10-11 08:55:43.612187','2026-10-11 08:55:43.612187',10,1,'["meaning__positive_1", "meaning__positive_2", "meaning__positive_3", "meaning__positive_4", "meaning__making_1", "meaning__making_2", "meaning__making_3", "meaning__greater_1", "meaning__greater_2", "meaning__greater_3"]');
INSERT INTO "page_visits" VALUES(8,3,'commitment','2026-10-11 08:55:44.814938','2026-10-11 08:56:04.883577','2026-10-11 08:56:04.883577',7,1,'["ccommit__1", "ccommit__2", "ccommit__3", "ccommit__4", "ccommit__5", "ccommit__6", "ccommit__7"]');
CREATE TABLE participants (
	id INTEGER NOT NULL, 
	pid VARCHAR(32) NOT NULL, 
	token VARCHAR(64) NOT NULL, 
	study_id VARCHAR(64) NOT NULL, 
	source VARCHAR(16) NOT NULL, 
	external_id VARCHAR(128), 
	recruitment JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	consent_version VARCHAR(64), 
	consented_at DATETIME, 
	eligibility VARCHAR(16), 
	arm VARCHAR(64), 
	arm_sequence INTEGER, 
	language VARCHAR(8) NOT NULL, 
	withdrawal VARCHAR(16) NOT NULL, 
	withdrawn_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_participant_external UNIQUE (study_id, source, external_id), 
	UNIQUE (pid), 
	UNIQUE (token), 
	FOREIGN KEY(study_id) REFERENCES studies (id)
);
INSERT INTO "participants" VALUES(1,'p0c4108e8e4c7f0ba','fMQ9YKBt3RD01Gtd-EuHo11gWa2dVGqm','gigpanel-demo','prolific','demo00001','{"session_id": "03a394a8edfa", "study_id": "demo-w1"}','2026-04-06 09:18:46.041917','2026-11-v1','2026-04-06 09:18:46.041917','eligible','control',0,'en','none',NULL);
INSERT INTO "participants" VALUES(2,'p701f7a24cd9d57e9','AnCgKsuuFSf3qREDru5D2nwZ53wgwKMV','gigpanel-demo','prolific','demo00002','{"session_id": "5744e0578a2d", "study_id": "demo-w1"}','2026-04-06 10:18:57.493246','2026-11-v1','2026-04-06 10:18:57.493246','eligible','mentoring_forum',1,'en','none',NULL);
INSERT INTO "participants" VALUES(3,'pecb9848f0efef933','j7NZtVLVXW8rBtrjn66CRamLXmbr8jCk','gigpanel-demo','prolific','demo00003','{"session_id": "acf0699786a1", "study_id": "demo-w1"}','2026-04-07 22:22:04.607382','2026-11-v1','2026-04-07 22:22:04.607382','eligible','control',2,'en','none',NULL);
INSERT INTO "participants" VALUES(4,'p28b2b0e4b931f168','o7mehARWQmav7FWvjaUkNHhDn7whHgkK','gigpanel-demo','prolific','demo00004','{"session_id": "8fa4756396f0", "study_id": "demo-w1"}','2026-04-08 00:38:27.648690','2026-11-v1','2026-04-08 00:38:27.648690','eligible','mentoring_forum',3,'en','none',NULL);
INSERT INTO "participants" VALUES(5,'pacf7bf04c339c3fa','7ZQdBmkjmKIn0c3Ts4rvQrkxEXA01n08','gigpanel-demo','prolific','demo00005','{"session_id": "a2575a44e406", "study_id": "demo-w1"}','2026-04-08 02:53:51.917906','2026-11-v1','2026-04-08 02:53:51.917906','eligible','mentoring_forum',4,'en','none',NULL);
INSERT INTO "participants" VALUES(6,'p9b3afabf607c4dfb','7e_ykgWhduGlH3Z563lLcv6ktrwiVlFS','gigpanel-demo','prolific','demo00006','{"session_id": "3b57a233f960", "study_id": "demo-w1"}','2026-04-08 14:29:19.324555','2026-11-v1','2026-04-08 14:29:19.324555','eligible','control',5,'en','none',NULL);
INSERT INTO "participants" VALUES(7,'p3aa82efc4e710fb6','UZQq3yLrq1ZqNtEpSIyoeUZy-v0N7_0q','gigpanel-demo','prolific','demo00007','{"session_id": "f3c1775f9e13", "study_id": "demo-w1"}','2026-04-09 06:12:05.595409','2026-11-v1','2026-04-09 06:12:05.595409','eligible','mentoring_forum',6,'en','none',NULL);
INSERT INTO "participants" VALUES(8,'p03c362ef8d930ea4','kCsgDaDcnhgf1v3tsk19tDQ1hzMBocoQ','gigpanel-demo','prolific','demo00008','{"session_id": "3b084cee3ac2", "study_id": "demo-w1"}','2026-04-09 13:43:48.572609','2026-11-v1','2026-04-09 13:43:48.572609','eligible','control',7,'en','none',NULL);
INSERT INTO "participants" VALUES(9,'p4b1c239155a7171a','gQrwHXbOBFNczOTLd6Yopn-z8NcpJK4D','gigpanel-demo','prolific','demo00009','{"session_id": "cad5ae905b3f", "study_id": "demo-w1"}','2026-04-09 16:04:09.912097','2026-11-v1','2026-04-09 16:04:09.912097','eligible','mentoring_forum',8,'en','none',NULL);
CREATE TABLE researchers (
	id INTEGER NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	password_hash VARCHAR(255) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	active BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_login_at DATETIME, 
	failed_logins INTEGER NOT NULL, 
	locked_until DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (email)
);
CREATE TABLE sent_messages (
	id INTEGER NOT NULL, 
	participant_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	wave INTEGER NOT NULL, 
	claimed_at DATETIME NOT NULL, 
	sent_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_sent_message UNIQUE (participant_id, kind, wave), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE TABLE studies (
	id VARCHAR(64) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	source_yaml TEXT NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	loaded_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "studies" VALUES('gigpanel-demo','Shaping gig work over time','# craftwave demo study: a three-wave panel of online gig workers.
#
# Load it with `craftwave study load data/demo/study.yaml`; print its recruitment links with
# `craftwave study link gigpanel-demo --source prolific`. Every instrument and subscale named
# below must exist in the instrument library (instruments/library/*.yaml); `craftwave study
# load` refuses the file otherwise. Texts are mappings of language code to text.

# A short id: it appears in links (/study/<id>) and in exports.
id: gigpanel-demo
title:
  en: Shaping gig work over time
description:
  en: >-
    A study of how online gig workers shape their work, in three short surveys a few months
    apart. Each survey takes about ten minutes.
languages: [en]
# Seed of the per-participant item-order randomisation (see `randomise` on a page).
randomisation_seed: 20261123

# Shown before anything is stored. Changing the text means a new version; the version and the
# time of consent are recorded with each participant.
consent:
  version: "2026-11-v1"
  text:
    en: |-
      This survey is part of a research project on how people who do online gig work shape
      their work. You will be asked about your work three times over about six months.
      Taking part is voluntary. You can stop at any time and withdraw through the link at the
      bottom of every page, either keeping your answers in the study or asking for them to be
      deleted. Your answers are stored under a pseudonymous code, apart from any contact
      details, and reported only as group summaries.
  decline_text:
    en: Thank you for considering the study. Nothing about you has been stored.

# Screening after consent: who does not qualify gets the screen-out code and no survey.
eligibility:
  rule: all          # every answer must be one of the question''s eligible values
  screen_out_code: DEMO-SCREENED
  screen_out_text:
    en: Thank you. This study is looking for people who currently do online gig work.
  questions:
    - id: gig_work
      text: {en: "In the last three months, did you earn money through an online gig platform?"}
      options:
        - {value: 1, label: {en: "Yes"}}
        - {value: 0, label: {en: "No"}}
      eligible: [1]
    - id: adult
      text: {en: "Are you 18 years old or older?"}
      options:
        - {value: 1, label: {en: "Yes"}}
        - {value: 0, label: {en: "No"}}
      eligible: [1]

# Where participants come from. Prolific gets one completion code per wave (one Prolific study
# per wave); MTurk posts the assignment back to turkSubmitTo; invitations are personal links.
recruitment:
  public: true
  prolific:
    completion_codes: {1: C1DEMO01, 2: C2DEMO02, 3: C3DEMO03}
    screen_out_code: SCRDEMO0
  mturk:
    description:
      en: A ten-minute survey about how you shape your gig work (first of three surveys).
  invitations:
    enabled: true

# Waves: wave k opens `after_days` after the participant completed wave k-1 and stays open
# `window_days` (no window: always open). Each page lists instruments, whole or restricted to
# some `subscales` (or `items`); `randomise` shuffles a page''s items per participant (seeded,
# the order shown is recorded); `attention_checks` places an instrument''s instructed-response
# items on the page (`position`, 0-based; default: the middle). Every construct is measured at
# every wave, so each outcome can be controlled at the previous wave.
waves:
  - number: 1
    title: {en: First survey}
    pages:
      - id: profile
        title: {en: About you and your gig work}
        blocks:
          - {instrument: profile}
      - id: crafting
        title: {en: Shaping your work}
        randomise: true
        blocks:
          - {instrument: icraft}
        attention_checks:
          - {instrument: attn, id: "1"}
      - id: collaborative
        title: {en: Shaping your work together with others}
        randomise: true
        blocks:
          - {instrument: ccraft}
      - id: community
        title: {en: Other workers and your platform}
        blocks:
          - {instrument: community}
      - id: resilience
        title: {en: Coping with setbacks}
        randomise: true
        blocks:
          - {instrument: resil}
        attention_checks:
          - {instrument: attn, id: "2", position: 9}
      - id: meaning
        title: {en: What your work means to you}
        blocks:
          - {instrument: meaning}
      - id: commitment
        title: {en: Your career}
        blocks:
          - {instrument: ccommit}
  - number: 2
    title: {en: Second survey}
    after_days: 90
    window_days: 21
    pages:
      - id: crafting
        title: {en: Shaping your work}
        randomise: true
        blocks:
          - {instrument: icraft}
        attention_checks:
          - {instrument: attn, id: "3"}
      - id: collaborative
        title: {en: Shaping your work together with others}
        randomise: true
        blocks:
          - {instrument: ccraft}
      - id: community
        title: {en: Other workers and your platform}
        blocks:
          - {instrument: community}
      - id: resilience
        title: {en: Coping with setbacks}
        randomise: true
        blocks:
          - {instrument: resil}
        attention_checks:
          - {instrument: attn, id: "4", position: 9}
      - id: meaning
        title: {en: What your work means to you}
        blocks:
          - {instrument: meaning}
      - id: commitment
        title: {en: Your career}
        blocks:
          - {instrument: ccommit}
  - number: 3
    title: {en: Third survey}
    after_days: 90
    window_days: 21
    pages:
      - id: crafting
        title: {en: Shaping your work}
        randomise: true
        blocks:
          - {instrument: icraft}
        attention_checks:
          - {instrument: attn, id: "1"}
      - id: collaborative
        title: {en: Shaping your work together with others}
        randomise: true
        blocks:
          - {instrument: ccraft}
      - id: community
        title: {en: Other workers and your platform}
        blocks:
          - {instrument: community}
      - id: resilience
        title: {en: Coping with setbacks}
        randomise: true
        blocks:
          - {instrument: resil}
        attention_checks:
          - {instrument: attn, id: "3", position: 9}
      - id: meaning
        title: {en: What your work means to you}
        blocks:
          - {instrument: meaning}
      - id: commitment
        title: {en: Your career}
        blocks:
          - {instrument: ccommit}

# Reminders for personal invitations: days after a wave opens, and at most how many.
reminders:
  days_after_open: [3, 7]
  max_count: 2

# Email templates (the researcher side sends them); {link}, {opens_on} and {closes_on} are filled in.
email_templates:
  invitation:
    subject: {en: "Your next survey on gig work is open"}
    body: {en: "Hello,\n\nyour next survey is open until {closes_on}: {link}\n\nThank you!"}
  reminder:
    subject: {en: "Reminder: your survey on gig work"}
    body: {en: "Hello,\n\na reminder that your survey closes on {closes_on}: {link}"}

# Optional intervention arms, assigned at consent by a seeded draw (block randomisation by
# allocation ratio), recorded with each participant; the intervention runs after wave 1: a
# subgroup was offered a mentoring forum between waves 1 and 2.
intervention:
  seed: 7
  after_wave: 1
  method: block
  arms:
    - {name: control, ratio: 1, description: No intervention.}
    - {name: mentoring_forum, ratio: 1, description: A mentoring forum with experienced gig workers.}

# Platform reports suppress every cell with fewer than k participants.
k_threshold: 10
','62d55a63112dd58ebdc344cd8d224b62ee7cbbbf89c0f2467514eb331a22082d','2026-04-06 08:00:00.000000');
CREATE TABLE wave_status (
	participant_id INTEGER NOT NULL, 
	wave INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	opens_at DATETIME, 
	closes_at DATETIME, 
	started_at DATETIME, 
	completed_at DATETIME, 
	next_page INTEGER NOT NULL, 
	completion_code VARCHAR(64), 
	PRIMARY KEY (participant_id, wave), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
INSERT INTO "wave_status" VALUES(1,1,'started','2026-04-06 09:18:54.868471',NULL,'2026-04-06 09:20:20.637394',NULL,6,NULL);
INSERT INTO "wave_status" VALUES(2,1,'completed','2026-04-06 10:19:11.172992',NULL,'2026-04-06 10:19:36.020557','2026-04-06 10:24:33.692058',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(3,1,'completed','2026-04-07 22:22:22.725789',NULL,'2026-04-07 22:23:12.311842','2026-04-07 22:28:00.199572',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(4,1,'completed','2026-04-08 00:38:39.301138',NULL,'2026-04-08 00:39:06.826089','2026-04-08 00:43:42.456979',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(5,1,'completed','2026-04-08 02:54:11.559390',NULL,'2026-04-08 02:54:27.410784','2026-04-08 02:55:52.021037',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(6,1,'completed','2026-04-08 14:29:29.292937',NULL,'2026-04-08 14:30:13.441773','2026-04-08 14:35:45.775145',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(7,1,'completed','2026-04-09 06:12:25.051761',NULL,'2026-04-09 06:13:59.295923','2026-04-09 06:19:10.108538',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(8,1,'completed','2026-04-09 13:44:03.933094',NULL,'2026-04-09 13:45:05.916407','2026-04-09 13:49:53.108207',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(9,1,'completed','2026-04-09 16:04:23.099028',NULL,'2026-04-09 16:04:36.413612','2026-04-09 16:05:48.233912',7,'C1DEMO01');
INSERT INTO "wave_status" VALUES(6,2,'completed','2026-07-07 14:35:45.775145','2026-07-28 14:35:45.775145','2026-07-09 06:21:22.938439','2026-07-09 06:25:32.571495',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(4,2,'completed','2026-07-07 00:43:42.456979','2026-07-28 00:43:42.456979','2026-07-09 07:23:06.398693','2026-07-09 07:26:47.248700',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(8,2,'completed','2026-07-08 13:49:53.108207','2026-07-29 13:49:53.108207','2026-07-10 10:55:29.387473','2026-07-10 10:59:47.297063',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(3,2,'completed','2026-07-06 22:28:00.199572','2026-07-27 22:28:00.199572','2026-07-10 23:48:59.057860','2026-07-10 23:53:03.209117',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(7,2,'completed','2026-07-08 06:19:10.108538','2026-07-29 06:19:10.108538','2026-07-11 21:17:12.865587','2026-07-11 21:20:35.179588',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(9,2,'completed','2026-07-08 16:05:48.233912','2026-07-29 16:05:48.233912','2026-07-11 23:08:09.181047','2026-07-11 23:09:07.690322',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(5,2,'completed','2026-07-07 02:55:52.021037','2026-07-28 02:55:52.021037','2026-07-12 11:39:10.948154','2026-07-12 11:40:23.520126',6,'C2DEMO02');
INSERT INTO "wave_status" VALUES(9,3,'completed','2026-10-09 23:09:07.690322','2026-10-30 23:09:07.690322','2026-10-10 09:56:17.544914','2026-10-10 09:57:23.003649',6,'C3DEMO03');
INSERT INTO "wave_status" VALUES(7,3,'completed','2026-10-09 21:20:35.179588','2026-10-30 21:20:35.179588','2026-10-10 13:21:54.451863','2026-10-10 13:25:48.358123',6,'C3DEMO03');
INSERT INTO "wave_status" VALUES(4,3,'completed','2026-10-07 07:26:47.248700','2026-10-28 07:26:47.248700','2026-10-10 15:01:37.242320','2026-10-10 15:05:32.118207',6,'C3DEMO03');
INSERT INTO "wave_status" VALUES(3,3,'completed','2026-10-08 23:53:03.209117','2026-10-29 23:53:03.209117','2026-10-10 17:40:16.949501','2026-10-10 17:45:22.239358',6,'C3DEMO03');
INSERT INTO "wave_status" VALUES(6,3,'completed','2026-10-07 06:25:32.571495','2026-10-28 06:25:32.571495','2026-10-10 20:57:55.719997','2026-10-10 21:01:32.899824',6,'C3DEMO03');
INSERT INTO "wave_status" VALUES(8,3,'completed','2026-10-08 10:59:47.297063','2026-10-29 10:59:47.297063','2026-10-11 08:52:03.151004','2026-10-11 08:56:04.883577',6,'C3DEMO03');
CREATE TABLE withdrawal_requests (
	id INTEGER NOT NULL, 
	participant_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	requested_at DATETIME NOT NULL, 
	handled_at DATETIME, 
	handled_by VARCHAR(120), 
	PRIMARY KEY (id), 
	FOREIGN KEY(participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE INDEX ix_participants_study_id ON participants (study_id);
CREATE INDEX ix_withdrawal_requests_participant_id ON withdrawal_requests (participant_id);
CREATE INDEX ix_answers_page ON answers (participant_id, wave, page);
CREATE INDEX ix_answer_history_p ON answer_history (participant_id, wave);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_sent_messages_participant_id ON sent_messages (participant_id);
COMMIT;
