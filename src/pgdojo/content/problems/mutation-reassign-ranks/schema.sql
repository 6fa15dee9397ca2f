CREATE TABLE leaderboard (
    season    integer NOT NULL,
    player_id integer NOT NULL,
    score     integer,            -- NULL: no ranked game this season (or score voided)
    rank      integer,            -- maintained by the nightly job; NULL for unranked players
    PRIMARY KEY (season, player_id)
);
