// timconv_json.h: the `json::` API some of Tencent's C++ examples are written with, over jsoncpp.
//
// The vendor's header examples build JSON two ways: jsoncpp (Json::Value, Json::Reader) and a
// small library of Tencent's demos with json::Object, json::Array, json::Value,
// json::Serialize, json::Deserialize and conversions such as .ToUInt64() and .ToBool(). This
// header gives that second API, written for the course: values live in the adapter's own tree
// (objects and arrays of values, so `object[key] = value` and `array.push_back(value)` work as
// in the examples), and jsoncpp does all the parsing and writing. C++11; link with -ljsoncpp
// (%%tim_c --cpp does). Include it after <json/json.h> or alone:
//
//     json::Object filter;
//     filter[kTIMConversationListFilterConvType] = kTIMConv_Group;
//     std::string text = json::Serialize(filter);          // {"conversation_list_filter_conv_type":2}
//     json::Value reply = json::Deserialize(json_param);
//     uint64_t next_seq = reply[TIMConversationListResultNextSeq].ToUInt64();
#ifndef TIMCONV_JSON_H
#define TIMCONV_JSON_H

#include <json/json.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace json {

enum ValueType { NULLVal, StringVal, IntVal, FloatVal, DoubleVal, ObjectVal, ArrayVal, BoolVal };

class Object;
class Array;

// A JSON value: null, a scalar (kept as a jsoncpp value), an Object or an Array.
class Value {
  public:
    Value() {}
    Value(bool b) : scalar_(b) {}
    Value(const char* s) : scalar_(s) {}
    Value(const std::string& s) : scalar_(s) {}
    Value(double d) : scalar_(d) {}
    Value(float f) : scalar_(static_cast<double>(f)) {}
    // Every integer type (int, long, long long, their unsigned, uint64_t, time_t...), and enums
    // such as kTIMConv_Group, as a signed or unsigned 64-bit number.
    template <typename T, typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value &&
                                                      std::is_signed<T>::value, int>::type = 0>
    Value(T n) : scalar_(static_cast<Json::Int64>(n)) {}
    template <typename T, typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value &&
                                                      std::is_unsigned<T>::value, int>::type = 0>
    Value(T n) : scalar_(static_cast<Json::UInt64>(n)) {}
    template <typename T, typename std::enable_if<std::is_enum<T>::value, int>::type = 0>
    Value(T e) : scalar_(static_cast<Json::Int64>(e)) {}
    inline Value(const Object& object);
    inline Value(const Array& array);

    inline Value(const Value& other);
    Value(Value&& other) = default;
    inline Value& operator=(const Value& other);
    Value& operator=(Value&& other) = default;

    inline ValueType GetType() const;
    bool IsNull() const { return GetType() == NULLVal; }

    // Members and elements. A null value becomes an object (or an array) when indexed, as in
    // `value["key"] = 1`; indexing any other kind is a std::logic_error.
    inline Value& operator[](const std::string& key);
    Value& operator[](const char* key) { return (*this)[std::string(key)]; }
    inline Value& operator[](std::size_t index);
    Value& operator[](int index) { return (*this)[static_cast<std::size_t>(index)]; }
    inline bool HasKey(const std::string& key) const;
    inline std::size_t size() const;

    // Conversions, as jsoncpp converts: a null reads as 0, false or ""; a string is no number.
    int ToInt() const { return scalar_.asInt(); }
    int64_t ToInt64() const { return scalar_.asInt64(); }
    uint64_t ToUInt64() const { return scalar_.asUInt64(); }
    unsigned int ToUInt() const { return scalar_.asUInt(); }
    float ToFloat() const { return scalar_.asFloat(); }
    double ToDouble() const { return scalar_.asDouble(); }
    bool ToBool() const { return scalar_.asBool(); }
    std::string ToString() const { return scalar_.asString(); }
    inline Object ToObject() const;
    inline Array ToArray() const;

    // The value as jsoncpp's, and back.
    inline Json::Value ToJsoncpp() const;
    static inline Value FromJsoncpp(const Json::Value& value);

  private:
    Json::Value scalar_;  // null, bool, number or string; Json::nullValue when an object or array
    std::unique_ptr<Object> object_;
    std::unique_ptr<Array> array_;
};

// A JSON object: keys in order, as std::map keeps them.
class Object {
  public:
    typedef std::map<std::string, Value>::iterator iterator;
    typedef std::map<std::string, Value>::const_iterator const_iterator;

    Value& operator[](const std::string& key) { return members_[key]; }
    bool HasKey(const std::string& key) const { return members_.count(key) != 0; }
    std::size_t size() const { return members_.size(); }
    void erase(const std::string& key) { members_.erase(key); }
    void Clear() { members_.clear(); }
    iterator begin() { return members_.begin(); }
    iterator end() { return members_.end(); }
    const_iterator begin() const { return members_.begin(); }
    const_iterator end() const { return members_.end(); }

  private:
    std::map<std::string, Value> members_;
};

// A JSON array.
class Array {
  public:
    typedef std::vector<Value>::iterator iterator;
    typedef std::vector<Value>::const_iterator const_iterator;

    void push_back(const Value& value) { elements_.push_back(value); }
    Value& operator[](std::size_t index) { return elements_.at(index); }
    const Value& operator[](std::size_t index) const { return elements_.at(index); }
    std::size_t size() const { return elements_.size(); }
    void Clear() { elements_.clear(); }
    iterator begin() { return elements_.begin(); }
    iterator end() { return elements_.end(); }
    const_iterator begin() const { return elements_.begin(); }
    const_iterator end() const { return elements_.end(); }

  private:
    friend class Value;
    std::vector<Value> elements_;
};

Value::Value(const Object& object) : object_(new Object(object)) {}
Value::Value(const Array& array) : array_(new Array(array)) {}

Value::Value(const Value& other)
    : scalar_(other.scalar_),
      object_(other.object_ ? new Object(*other.object_) : nullptr),
      array_(other.array_ ? new Array(*other.array_) : nullptr) {}

Value& Value::operator=(const Value& other) {
    if (this != &other) {
        Value copy(other);  // `value = value["child"]` copies the child before the parent goes
        *this = std::move(copy);
    }
    return *this;
}

ValueType Value::GetType() const {
    if (object_) return ObjectVal;
    if (array_) return ArrayVal;
    switch (scalar_.type()) {
        case Json::nullValue: return NULLVal;
        case Json::booleanValue: return BoolVal;
        case Json::stringValue: return StringVal;
        case Json::realValue: return DoubleVal;
        default: return IntVal;
    }
}

Value& Value::operator[](const std::string& key) {
    if (IsNull()) object_.reset(new Object());
    if (!object_) throw std::logic_error("json::Value: [\"" + key + "\"] on a value that is not an object");
    return (*object_)[key];
}

Value& Value::operator[](std::size_t index) {
    if (IsNull()) array_.reset(new Array());
    if (!array_) throw std::logic_error("json::Value: [index] on a value that is not an array");
    if (index >= array_->size()) array_->elements_.resize(index + 1);
    return (*array_)[index];
}

bool Value::HasKey(const std::string& key) const { return object_ && object_->HasKey(key); }

std::size_t Value::size() const {
    if (object_) return object_->size();
    if (array_) return array_->size();
    return 0;
}

Object Value::ToObject() const {
    if (!object_) throw std::logic_error("json::Value: ToObject() of a value that is not an object");
    return *object_;
}

Array Value::ToArray() const {
    if (!array_) throw std::logic_error("json::Value: ToArray() of a value that is not an array");
    return *array_;
}

Json::Value Value::ToJsoncpp() const {
    if (object_) {
        Json::Value out(Json::objectValue);
        for (const auto& member : *object_) out[member.first] = member.second.ToJsoncpp();
        return out;
    }
    if (array_) {
        Json::Value out(Json::arrayValue);
        for (const auto& element : *array_) out.append(element.ToJsoncpp());
        return out;
    }
    return scalar_;
}

Value Value::FromJsoncpp(const Json::Value& value) {
    if (value.isObject()) {
        Object object;
        for (const auto& key : value.getMemberNames()) object[key] = FromJsoncpp(value[key]);
        return Value(object);
    }
    if (value.isArray()) {
        Array array;
        for (const auto& element : value) array.push_back(FromJsoncpp(element));
        return Value(array);
    }
    Value scalar;
    scalar.scalar_ = value;
    return scalar;
}

// Compact JSON text of a value (an Object or an Array converts to a Value).
inline std::string Serialize(const Value& value) {
    Json::StreamWriterBuilder writer;
    writer["indentation"] = "";
    return Json::writeString(writer, value.ToJsoncpp());
}

// The value of a JSON text; a null value when the text is not JSON.
inline Value Deserialize(const std::string& text) {
    Json::CharReaderBuilder builder;
    Json::Value parsed;
    std::string errors;
    std::istringstream in(text);
    if (!Json::parseFromStream(builder, in, &parsed, &errors)) return Value();
    return Value::FromJsoncpp(parsed);
}

}  // namespace json

#endif  // TIMCONV_JSON_H
