CREATE TABLE students (
    student_id integer PRIMARY KEY,
    name       text    NOT NULL
);

CREATE TABLE courses (
    course_id integer PRIMARY KEY,
    code      text    NOT NULL UNIQUE,
    title     text    NOT NULL
);

INSERT INTO students (student_id, name) VALUES
    (1, 'Ana Lima'),
    (2, 'Bo Chen'),
    (3, 'Cy Park'),
    (4, 'Dee Okafor');

INSERT INTO courses (course_id, code, title) VALUES
    (10, 'DB101', 'Relational databases'),
    (20, 'DB201', 'Query optimisation'),
    (30, 'DB301', 'Replication and recovery');
