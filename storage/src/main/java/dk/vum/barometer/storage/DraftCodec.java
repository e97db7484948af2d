package dk.vum.barometer.storage;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How a draft's state (the engine's JSON, linked to a person) is kept in its column. */
interface DraftCodec {

    /** As the text it is: SQLite keeps no dead row versions ({@code secure_delete}, WAL truncated). */
    DraftCodec PLAIN = new DraftCodec() {
        @Override
        public Object encode(DraftOwner owner, String state) {
            return state;
        }

        @Override
        public String decode(DraftOwner owner, ResultSet row, String column) throws SQLException {
            return row.getString(column);
        }
    };

    /** The value to bind for the state column. */
    Object encode(DraftOwner owner, String state);

    String decode(DraftOwner owner, ResultSet row, String column) throws SQLException;
}
