package io.wisp.app.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on a test's database file, to look at rows or plant bad ones, beside (or without) the stores. */
final class Sql {
    private Sql() {
    }

    static Connection connect(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("wisp")
                + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    static int execute(Path dir, String sql) throws SQLException {
        try (Connection c = connect(dir); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** The first column of every row, as text. */
    static List<String> column(Path dir, String sql) throws SQLException {
        try (Connection c = connect(dir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    static long count(Path dir, String table) throws SQLException {
        return Long.parseLong(column(dir, "SELECT COUNT(*) FROM " + table).get(0));
    }
}
